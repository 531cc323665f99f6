import { randomUUID } from "node:crypto";
import { ResponseCache } from "../../src/cache/response-cache";
import { RedisStore } from "../../src/cache/response-cache.store";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { Metrics } from "../../src/observability/metrics";
import { type RunningServer, startServer } from "../../src/server/start-server";
import { parseMetrics, sampleValue } from "../support/metrics-text";
import { freePort } from "../support/processes";
import { TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { percentile, sleep, tally } from "./fault-support";

const REDIS = { host: "127.0.0.1", port: 6379 };
const COMMAND_TIMEOUT_MS = 20;
const STALL_MS = 3000;
/** An answer during the stall must come at database speed: far below the stall, with room for a shared machine. */
const BOUND_MS = 1000;

const QUERY = "query Dept($code: ID!) { department(code: $code) { name region { name } } }";
const CODES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "2A", "2B", "46"];

interface Answer {
  ms: number;
  status: number;
  cache: string | null;
  ok: boolean;
}

async function ask(url: string, code: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY, variables: { code } }) });
  const body = (await res.json()) as { data?: { department?: { name?: string } }; errors?: unknown };
  return { ms: performance.now() - started, status: res.status, cache: res.headers.get("x-response-cache"), ok: res.status === 200 && !body.errors && Boolean(body.data?.department?.name) };
}

/** `clients` loops for `durationMs`, each asking the départements in turn (repeated: the cache can answer them). */
async function load(url: string, clients: number, durationMs: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  const until = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; performance.now() < until; i++) answers.push(await ask(url, CODES[i % CODES.length]));
    }),
  );
  return answers;
}

async function redisReachable(): Promise<boolean> {
  const { connect } = await import("node:net");
  return new Promise((resolve) => {
    const socket = connect(REDIS.port, REDIS.host);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Redis behind a proxy the test stalls: its connection stays open and "ready", nothing comes
 * back. Anonymous queries must keep being answered at database speed: each cache call waits
 * REDIS_COMMAND_TIMEOUT_MS at most, and the circuit breaker soon stops asking.
 */
describe("Redis stalled (connection open and ready, nothing comes back)", () => {
  let reachable = false;
  let database: TestDatabase;
  let proxy: TcpProxy;
  let store: RedisStore;
  let metrics: Metrics;
  let server: RunningServer;

  beforeAll(async () => {
    reachable = await redisReachable();
    if (!reachable) return;
    database = await createTestDatabase();
    proxy = new TcpProxy(await freePort(), REDIS);
    await proxy.open();
    store = new RedisStore(`redis://127.0.0.1:${proxy.port}`, `ts-test:${randomUUID()}`, COMMAND_TIMEOUT_MS);
    await store.ready();
    metrics = new Metrics(database.db, { processMetrics: false });
    server = await startServer({
      db: database.db,
      mode: { kind: "gateway" },
      port: 0,
      host: "127.0.0.1",
      limits: { ...DEFAULT_LIMITS, anonymousRequestsPerMinute: 1_000_000 },
      responseCache: new ResponseCache(store, 60_000),
      metrics,
      reportError: () => {},
    });
  }, 60_000);

  afterAll(async () => {
    if (!reachable) return;
    proxy.resume();
    await server?.close();
    metrics?.close();
    await store?.close();
    await proxy?.cut();
    await database?.drop();
  });

  it("answers every query at database speed during the stall (lookups and stores skipped, counted), /readyz ready with the cache 'stalled', and uses the cache again after it", async () => {
    if (!reachable) return console.warn("Redis is not reachable at 127.0.0.1:6379: this test needs it and is skipped");
    const base = server.url.replace("/graphql", "");
    const skippedBefore = async () => sampleValue(parseMetrics(await (await fetch(`${base}/metrics`)).text()), "response_cache_skips_total", { operation: "get", reason: "timeout" }) ?? 0;
    const warm = await load(server.url, 4, 1500);
    const warmTimeouts = await skippedBefore();
    expect(warm.every((a) => a.ok)).toBe(true);
    expect(warm.filter((a) => a.cache === "hit").length).toBeGreaterThan(0);

    proxy.stall();
    const probe = (async () => {
      await sleep(1000);
      const started = performance.now();
      const res = await fetch(`${base}/readyz`);
      return { status: res.status, ms: performance.now() - started, body: (await res.json()) as { checks: Record<string, unknown> } };
    })();
    const during = await load(server.url, 4, STALL_MS - 200);
    const ready = await probe;
    proxy.resume();
    const resumedAt = performance.now();
    let hitAgainMs = NaN;
    while (performance.now() - resumedAt < 10_000) {
      if ((await ask(server.url, "46")).cache === "hit") {
        hitAgainMs = performance.now() - resumedAt;
        break;
      }
      await sleep(50);
    }
    const metricsText = await (await fetch(`${base}/metrics`)).text();
    const skips = (operation: string, reason: string) => sampleValue(parseMetrics(metricsText), "response_cache_skips_total", { operation, reason }) ?? 0;
    const ms = during.map((a) => a.ms);
    process.stdout.write(
      `Redis stalled ${STALL_MS} ms, command timeout ${COMMAND_TIMEOUT_MS} ms, 4 clients: ${during.length} answers, ${during.filter((a) => a.ok).length} full, ` +
        `cache ${JSON.stringify(tally(during.map((a) => a.cache)))}, latency p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(0)} ms ` +
        `(before, cache working: p50 ${percentile(warm.map((a) => a.ms), 50).toFixed(1)} ms, ${warmTimeouts} lookups timed out); skips get: timeout ${skips("get", "timeout")}, open ${skips("get", "open")}, error ${skips("get", "error")}; ` +
        `set: timeout ${skips("set", "timeout")}, open ${skips("set", "open")}; /readyz ${ready.status} in ${ready.ms.toFixed(0)} ms ${JSON.stringify(ready.body.checks)}; ` +
        `a cache hit again ${hitAgainMs.toFixed(0)} ms after the stall ended\n`,
    );
    expect(during.every((a) => a.ok)).toBe(true);
    expect(during.filter((a) => a.ms > BOUND_MS)).toEqual([]);
    // The breaker opened: most lookups were not even tried.
    expect(skips("get", "open")).toBeGreaterThan(skips("get", "timeout"));
    expect(skips("get", "timeout")).toBeGreaterThan(0);
    expect(ready).toMatchObject({ status: 200, body: { checks: { database: "ok", cache: "stalled" } } });
    expect(ready.ms).toBeLessThan(1000);
    expect(hitAgainMs).toBeLessThan(5000);
  }, 60_000);
});
