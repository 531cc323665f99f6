import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLE_QUERIES } from "../../src/server/examples";
import { type HiveRuntime, startHiveGateway } from "../support/hive-gateway";
import { documentedPlan } from "../support/documented-plans";
import { runNpmScript } from "../support/npm-script";
import { freePort, postGraphQL, ROOT, startPartnerSubgraph, startProcess, type Started } from "../support/processes";
import { databaseUrlOf, startServerProcess } from "../support/server-process";
import { createTestApi, type TestApi } from "../support/test-api";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The several-machines topology of docs/scale-out.md, on loopback: our three subgraphs as their
// own processes (`npm start -- --subgraph NAME`), a partner's subgraph, the supergraph written
// by `npm run supergraph`, and Hive Gateway serving it with deploy/gateway.config.ts, twice
// over the same subgraphs: on its JavaScript runtime and on Hive Router's (`--hive-router-runtime`).

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
const RUNTIMES: HiveRuntime[] = ["javascript", "hive-router"];
const hives = new Map<HiveRuntime, { process: Started; url: string }>();
let ours: Started & { url: string };
const hiveUrl = (runtime: HiveRuntime) => hives.get(runtime)!.url;

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
  const ready = await Promise.all([...subgraphs].map(([name, s]) => startSubgraph(name, s.port)));
  SUBGRAPHS.forEach((name, i) => (subgraphs.get(name)!.process = ready[i]));
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
  await Promise.all([
    ...RUNTIMES.map(async (runtime) => {
      const port = await freePort();
      hives.set(runtime, { process: await startHiveGateway(supergraph, port, runtime), url: `http://127.0.0.1:${port}/graphql` });
    }),
    startServerProcess(databaseUrlOf(database.config), { GATEWAY_CONFIG: gatewayConfig, ...SUBGRAPH_ENV }).then((server) => void (ours = server)),
  ]);
}, 240_000);

afterAll(async () => {
  await Promise.all([...[...hives.values()].map((h) => h.process.stop()), ours?.stop(), partner?.stop(), ...[...subgraphs.values()].map((s) => s.process?.stop())]);
  await inProcess?.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GraphQL requests each subgraph process has answered so far (its `graphql_requests_total`, every operation and outcome). */
async function subgraphRequests(): Promise<Record<SubgraphName, number>> {
  const counts = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const text = await fetch(`http://127.0.0.1:${subgraphs.get(name)!.port}/metrics`).then((r) => r.text());
      return [...text.matchAll(/^graphql_requests_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    }),
  );
  return Object.fromEntries(SUBGRAPHS.map((name, i) => [name, counts[i]])) as Record<SubgraphName, number>;
}

/**
 * The open TCP connections a process holds to our subgraph processes, by socket inode (Linux:
 * its /proc/PID/fd and /proc/net/tcp). A connection kept alive keeps its inode from one fetch to
 * the next; a connection per fetch would give new ones each time, or none once closed.
 */
function connectionsToSubgraphs(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target = "";
    try {
      target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" });
    } catch {
      continue; // closed between the listing and the read
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const ports = new Set(SUBGRAPHS.map((name) => subgraphs.get(name)!.port.toString(16).toUpperCase().padStart(4, "0")));
  const open = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [remote, state, inode] = [fields[2], fields[3], fields[9]];
      if (state === "01" && inodes.has(inode) && ports.has(remote?.split(":")[1] ?? "")) open.add(inode);
    }
  }
  return open;
}

const EXAMPLES = EXAMPLE_QUERIES.map((e) => [e.title, e] as const);
const HERO = EXAMPLE_QUERIES[0];

describe.each(RUNTIMES)("Hive Gateway (%s runtime) over our subgraphs run as processes", (runtime) => {
  it.each(EXAMPLES)("answers the example %p as our gateway does, in-process and over HTTP", async (_title, example) => {
    const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
    const [viaHive, viaOurs, viaInProcess] = await Promise.all([
      postGraphQL(hiveUrl(runtime), example.query, {}, variables),
      postGraphQL(ours.url, example.query, {}, variables),
      inProcess.execute(example.query, variables),
    ]);
    expect(viaInProcess.errors).toBeUndefined();
    expect(viaHive).toEqual({ status: 200, body: { data: viaInProcess.data } });
    // Ours adds each operation's cost against the limit (extensions.cost); Hive Gateway does not.
    expect(viaOurs).toEqual({ status: 200, body: { data: viaInProcess.data, extensions: { cost: expect.anything() } } });
  });

  it("fetches the hero query from the subgraphs no more times than docs/scale-out.md says", async () => {
    const documented = documentedPlan(HERO.title);
    await postGraphQL(hiveUrl(runtime), HERO.query); // the plan is made and cached
    const before = await subgraphRequests();
    const { body } = await postGraphQL(hiveUrl(runtime), HERO.query);
    const after = await subgraphRequests();
    expect(body.errors).toBeUndefined();
    const fetched = SUBGRAPHS.map((name) => after[name] - before[name]);
    // One fetch from each subgraph, one after the other (care-offer provides the zones' names and populations).
    expect(fetched).toEqual([1, 1, 1]);
    expect(fetched.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(runtime === "hive-router" ? documented.hiveRouter.fetches : documented.apollo.fetches);
  });

  it("keeps its connections to the subgraphs open from one fetch to the next (keep-alive)", async () => {
    const pid = hives.get(runtime)!.process.child.pid!;
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      expect((await postGraphQL(hiveUrl(runtime), HERO.query)).body.errors).toBeUndefined();
      const open = connectionsToSubgraphs(pid);
      // After each query, connections to the subgraphs are still open…
      expect(open.size).toBeGreaterThanOrEqual(1);
      for (const inode of open) seen.add(inode);
    }
    // …and they are the same few throughout: 60 fetches (20 hero queries × 3) on at most two per subgraph.
    expect(seen.size).toBeLessThanOrEqual(2 * SUBGRAPHS.length);
  });

  it("composes the partner's subgraph into the supergraph and answers its fields next to ours", async () => {
    const { status, body } = await postGraphQL(hiveUrl(runtime), '{ department(code: "03") { name mutuelleHealthCentres { name communeCode } } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { department: { name: "Allier", mutuelleHealthCentres: [{ name: "Centre de santé MGEN de Moulins", communeCode: "03190" }] } } });
  });
});

describe("a subgraph process that dies", () => {
  it("fails only its fields, on both runtimes, and they answer again once it is back, without a restart", async () => {
    const query = '{ department(code: "46") { name gpDensity { value } initiatives { title } } }';
    const before = await Promise.all(RUNTIMES.map((runtime) => postGraphQL(hiveUrl(runtime), query)));
    for (const answer of before) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.department.gpDensity.value).toEqual(expect.any(Number));
    }

    const careOffer = subgraphs.get("care-offer")!;
    await careOffer.process.stop("SIGKILL");
    for (const [i, runtime] of RUNTIMES.entries()) {
      const during = await postGraphQL(hiveUrl(runtime), query);
      expect(during.status).toBe(200);
      expect(during.body.data.department).toEqual({ ...before[i].body.data.department, gpDensity: null });
      expect(during.body.errors.length).toBeGreaterThan(0);
      // Hive Router's runtime puts the error on the entity whose fetch failed, the JavaScript runtime on the field.
      for (const error of during.body.errors) expect(error.path).toEqual(runtime === "hive-router" ? ["department"] : ["department", "gpDensity"]);
    }

    careOffer.process = await startSubgraph("care-offer", careOffer.port);
    for (const [i, runtime] of RUNTIMES.entries()) expect((await postGraphQL(hiveUrl(runtime), query)).body).toEqual(before[i].body);
  });
});
