import { parseGatewayConfig } from "../../src/config/gateway-config";
import { type RunningServer, startServer } from "../../src/server/start-server";
import { freePort, startPartnerSubgraph, type Started } from "../support/processes";
import { TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { percentile, sleep, tally, timedPost } from "./fault-support";

/** The gateway's wait for a partner here (SUBGRAPH_TIMEOUT_MS). */
const SUBGRAPH_TIMEOUT_MS = 500;
/** The partner's wait, and a generous margin for a shared 2-core machine: far below the stall. */
const BOUND_MS = SUBGRAPH_TIMEOUT_MS + 1000;
const STALL_MS = 2500;
const MIXED = { query: `{ department(code: "03") { name population mutuelleHealthCentres { name communeCode } } }` };

/**
 * A partner's subgraph behind a proxy the test stalls: the gateway's fetch is sent, its
 * connection stays open, and nothing comes back. Our fields must still be answered, the
 * partner's failed with DOWNSTREAM_SERVICE_ERROR, within SUBGRAPH_TIMEOUT_MS.
 */
describe("a partner's subgraph stalled", () => {
  let database: TestDatabase;
  let partner: Started;
  let proxy: TcpProxy;
  let gateway: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const partnerPort = await freePort();
    partner = await startPartnerSubgraph(partnerPort);
    proxy = new TcpProxy(await freePort(), { host: "127.0.0.1", port: partnerPort });
    await proxy.open();
    const config = parseGatewayConfig({ partners: [{ name: "mutuelle-exemple", url: `http://127.0.0.1:${proxy.port}/` }] });
    gateway = await startServer({ db: database.db, mode: { kind: "gateway", config }, port: 0, host: "127.0.0.1", subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS, reportError: () => {} });
  }, 60_000);

  afterAll(async () => {
    proxy?.resume();
    await gateway?.close();
    await proxy?.cut();
    await partner?.stop();
    await database?.drop();
  });

  it("answers our fields within SUBGRAPH_TIMEOUT_MS, the partner's as DOWNSTREAM_SERVICE_ERROR, then the whole again once it answers", async () => {
    const before = await timedPost(gateway.url, MIXED);
    expect(before.body.data.department.mutuelleHealthCentres).toHaveLength(1);

    proxy.stall();
    const until = performance.now() + STALL_MS - 300;
    const during: Awaited<ReturnType<typeof timedPost>>[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() < until) during.push(await timedPost(gateway.url, MIXED));
      }),
    );
    await sleep(300);
    proxy.resume();
    let back: Awaited<ReturnType<typeof timedPost>> | undefined;
    for (let i = 0; i < 50 && !back?.body?.data?.department?.mutuelleHealthCentres; i++) back = await timedPost(gateway.url, MIXED);

    const ms = during.map((s) => s.ms);
    process.stdout.write(
      `Partner subgraph stalled ${STALL_MS} ms, SUBGRAPH_TIMEOUT_MS ${SUBGRAPH_TIMEOUT_MS}: ${during.length} answers, statuses ${JSON.stringify(tally(during.map((s) => s.status)))}, ` +
        `codes ${JSON.stringify(tally(during.map((s) => s.code)))}, latency p50 ${percentile(ms, 50).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms\n`,
    );
    expect(during.length).toBeGreaterThan(0);
    for (const answer of during) {
      expect(answer.ms).toBeLessThan(BOUND_MS);
      expect(answer.status).toBe(200);
      expect(answer.body.data.department).toMatchObject({ name: "Allier", mutuelleHealthCentres: null });
      expect(answer.body.errors[0].extensions).toMatchObject({ code: "DOWNSTREAM_SERVICE_ERROR", serviceName: "mutuelle-exemple" });
    }
    expect(back?.body.data.department.mutuelleHealthCentres).toHaveLength(1);
  }, 60_000);
});
