import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { composeSupergraph } from "../../src/gateway/compose";
import { buildLocalSubgraphs } from "../../src/gateway/local-subgraphs";
import { type HiveRuntime, startHiveGateway } from "../support/hive-gateway";
import { freePort, postGraphQL, ROOT, startProcess, type Started } from "../support/processes";
import { databaseUrlOf } from "../support/server-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// deploy/upstream-deadline.ts, on real processes: Hive Gateway (both runtimes) with
// SUBGRAPH_TIMEOUT_MS at 300 ms, over a care-offer subgraph that holds every request 5 s
// (TEST_REQUEST_DELAY_MS). Its fields must fail at the deadline while the rest is answered: had
// the gateway waited for it, gpDensity would hold care-offer's figure.

const MAIN = path.join(ROOT, "dist/src/server/main.js");
const SUBGRAPHS = ["territories", "care-offer", "initiatives"] as const;
const RUNTIMES: HiveRuntime[] = ["javascript", "hive-router"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-deadline-"));
let database: TestDatabase;
const processes: Started[] = [];
const hiveUrls = new Map<HiveRuntime, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const ports = await Promise.all(SUBGRAPHS.map(() => freePort()));
  processes.push(
    ...(await Promise.all(
      SUBGRAPHS.map((name, i) =>
        startProcess(process.execPath, [MAIN, "--subgraph", name, "--port", String(ports[i])], /"msg":"ready"/, {
          HOST: "127.0.0.1",
          DATABASE_URL: databaseUrlOf(database.config),
          RESPONSE_CACHE: "off",
          TEST_REQUEST_DELAY_MS: name === "care-offer" ? "5000" : "0",
        }),
      ),
    )),
  );
  const local = await buildLocalSubgraphs();
  const supergraph = path.join(dir, "supergraph.graphql");
  const urls = Object.fromEntries(SUBGRAPHS.map((name, i) => [name, `http://127.0.0.1:${ports[i]}/graphql`]));
  fs.writeFileSync(supergraph, composeSupergraph(local.map((s) => ({ name: s.name, url: urls[s.name], sdl: s.sdl }))).supergraphSdl);
  await Promise.all(
    RUNTIMES.map(async (runtime) => {
      const port = await freePort();
      processes.push(await startHiveGateway(supergraph, port, runtime, { SUBGRAPH_TIMEOUT_MS: "300" }));
      hiveUrls.set(runtime, `http://127.0.0.1:${port}/graphql`);
    }),
  );
}, 240_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(RUNTIMES)("Hive Gateway (%s runtime) with SUBGRAPH_TIMEOUT_MS", (runtime) => {
  it("fails a slow subgraph's fields at the deadline and answers the others", async () => {
    const { status, body } = await postGraphQL(hiveUrls.get(runtime)!, '{ department(code: "46") { name gpDensity { value } initiatives { title } } }');
    expect(status).toBe(200);
    expect(body.data.department).toEqual({ name: "Lot", gpDensity: null, initiatives: expect.any(Array) });
    expect(body.data.department.initiatives.length).toBeGreaterThan(0);
    expect(body.errors.length).toBeGreaterThan(0);
  });
});
