import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLE_QUERIES } from "../../src/server/examples";
import { startHiveGateway } from "../support/hive-gateway";
import { runNpmScript } from "../support/npm-script";
import { freePort, postGraphQL, ROOT, startPartnerSubgraph, startProcess, type Started } from "../support/processes";
import { databaseUrlOf, startServerProcess } from "../support/server-process";
import { createTestApi, type TestApi } from "../support/test-api";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The several-machines topology of docs/scale-out.md, on loopback: our three subgraphs as their
// own processes (`npm start -- --subgraph NAME`), a partner's subgraph, the supergraph written
// by `npm run supergraph`, and Hive Gateway serving it with deploy/gateway.config.ts.

const MAIN = path.join(ROOT, "dist/src/server/main.js");
const SUBGRAPHS = ["territories", "care-offer", "initiatives"] as const;
type SubgraphName = (typeof SUBGRAPHS)[number];
/** The subgraphs see every request come from the gateway's address: the anonymous rate limit belongs to the gateway. */
const SUBGRAPH_ENV = { RESPONSE_CACHE: "off", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000000" };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-hive-"));
let database: TestDatabase;
let inProcess: TestApi;
const subgraphs = new Map<SubgraphName, { process: Started; port: number }>();
let partner: Started;
let hive: Started;
let hiveUrl: string;
let ours: Started & { url: string };

function startSubgraph(name: SubgraphName, port: number): Promise<Started> {
  return startProcess(process.execPath, [MAIN, "--subgraph", name, "--port", String(port)], /"msg":"ready"/, {
    ...SUBGRAPH_ENV,
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrlOf(database.config),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  inProcess = await createTestApi(database.db, "gateway");
  const partnerPort = await freePort();
  for (const name of SUBGRAPHS) subgraphs.set(name, { port: await freePort(), process: undefined as unknown as Started });
  const started = await Promise.all([...subgraphs].map(([name, s]) => startSubgraph(name, s.port)));
  SUBGRAPHS.forEach((name, i) => (subgraphs.get(name)!.process = started[i]));
  partner = await startPartnerSubgraph(partnerPort);
  // The gateway config names where our subgraphs run and the partner: both the supergraph and our gateway read it.
  const gatewayConfig = path.join(dir, "gateway.config.json");
  fs.writeFileSync(
    gatewayConfig,
    JSON.stringify({
      subgraphs: Object.fromEntries([...subgraphs].map(([name, s]) => [name, { url: `http://127.0.0.1:${s.port}/graphql` }])),
      partners: [{ name: "mutuelle-exemple", url: `http://127.0.0.1:${partnerPort}/` }],
    }),
  );
  const supergraph = path.join(dir, "supergraph.graphql");
  const composed = await runNpmScript("supergraph", ["--out", supergraph, "--gateway-config", gatewayConfig]);
  if (composed.code !== 0) throw new Error(`npm run supergraph failed:\n${composed.stderr}`);
  const hivePort = await freePort();
  [hive, ours] = await Promise.all([startHiveGateway(supergraph, hivePort), startServerProcess(databaseUrlOf(database.config), { GATEWAY_CONFIG: gatewayConfig, ...SUBGRAPH_ENV })]);
  hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
}, 240_000);

afterAll(async () => {
  await Promise.all([hive?.stop(), ours?.stop(), partner?.stop(), ...[...subgraphs.values()].map((s) => s.process?.stop())]);
  await inProcess?.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Hive Gateway over our subgraphs run as processes", () => {
  it.each(EXAMPLE_QUERIES.map((e) => [e.title, e] as const))("answers the example %p as our gateway does, in-process and over HTTP", async (_title, example) => {
    const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
    const [viaHive, viaOurs, viaInProcess] = await Promise.all([
      postGraphQL(hiveUrl, example.query, {}, variables),
      postGraphQL(ours.url, example.query, {}, variables),
      inProcess.execute(example.query, variables),
    ]);
    expect(viaInProcess.errors).toBeUndefined();
    expect(viaHive).toEqual({ status: 200, body: { data: viaInProcess.data } });
    // Ours adds each operation's cost against the limit (extensions.cost); Hive Gateway does not.
    expect(viaOurs).toEqual({ status: 200, body: { data: viaInProcess.data, extensions: { cost: expect.anything() } } });
  });

  it("composes the partner's subgraph into the supergraph and answers its fields next to ours", async () => {
    const { status, body } = await postGraphQL(hiveUrl, '{ department(code: "03") { name mutuelleHealthCentres { name communeCode } } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { department: { name: "Allier", mutuelleHealthCentres: [{ name: "Centre de santé MGEN de Moulins", communeCode: "03190" }] } } });
  });

  it("fails only the fields of a subgraph whose process died, and answers them again once it is back, without a restart", async () => {
    const query = '{ department(code: "46") { name gpDensity { value } initiatives { title } } }';
    const before = await postGraphQL(hiveUrl, query);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.department.gpDensity.value).toEqual(expect.any(Number));

    const careOffer = subgraphs.get("care-offer")!;
    await careOffer.process.stop("SIGKILL");
    const during = await postGraphQL(hiveUrl, query);
    expect(during.status).toBe(200);
    expect(during.body.data.department).toEqual({ ...before.body.data.department, gpDensity: null });
    expect(during.body.errors.length).toBeGreaterThan(0);
    for (const error of during.body.errors) expect(error.path).toEqual(["department", "gpDensity"]);

    careOffer.process = await startSubgraph("care-offer", careOffer.port);
    const after = await postGraphQL(hiveUrl, query);
    expect(after.body).toEqual(before.body);
  });
});
