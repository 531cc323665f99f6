import { Client } from "pg";
import { freePort, postGraphQL } from "../support/processes";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from "../support/test-database";

async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const QUERY = '{ epci(siren: "200035327") { name } }';

/**
 * The server reaches PostgreSQL through a TCP proxy that the test cuts and restores: the
 * database really becomes unreachable for the server, without stopping the machine's server.
 */
describe("PostgreSQL unreachable, then back", () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  let proxy: TcpProxy | undefined;

  afterAll(async () => {
    await server?.stop();
    await proxy?.cut();
    await database?.drop();
  });

  it("answers 503 SERVICE_UNAVAILABLE and /readyz 503 while the database is cut (/healthz stays 200: liveness asks no dependency), and recovers without a restart", async () => {
    if (!(await postgresReachable())) {
      console.warn("PostgreSQL is not reachable at 127.0.0.1:5432: this test needs it and is skipped");
      return;
    }
    database = await createTestDatabase({ engine: "postgres" });
    if (database.config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    const target = new URL(database.config.url);
    proxy = new TcpProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(database.config.url);
    viaProxy.port = String(proxy.port);
    // Without the response cache: it would answer the repeated query from memory during the cut.
    server = await startServerProcess(viaProxy.toString(), { RESPONSE_CACHE: "off" });

    const before = await postGraphQL(server.url, QUERY);
    expect(before.body).toEqual({ data: { epci: { name: "CC Cazals-Salviac" } } });

    await proxy.cut();
    const during = await postGraphQL(server.url, QUERY);
    // Nothing could be answered: 503, as the whole answer failed for the database.
    expect(during.status).toBe(503);
    expect(during.body.errors[0]).toMatchObject({ message: "The database is unreachable; retry in a few seconds", extensions: { code: "SERVICE_UNAVAILABLE" } });
    expect((await fetch(`${server.base}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);

    await proxy.open();
    const after = await postGraphQL(server.url, QUERY);
    expect(after.body).toEqual({ data: { epci: { name: "CC Cazals-Salviac" } } });
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
  });
});
