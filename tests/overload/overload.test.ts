import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT } from "../support/processes";
import { databaseUrlOf, residentBytes } from "../support/server-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { HERO, openLoop, percentile, REGIONS } from "./open-loop";

/**
 * Overload, as issue 25 measured it on the server before load shedding: 2,000 distinct hero
 * queries per second (each a cache miss) offered for 10 s, about twice what one process serves
 * here. Heavy (20,000 requests, about 40 s): its own script, `npm run test:overload`, not
 * `npm test`. The figures are printed; the assertions are the behaviour asked for, with margins
 * for a shared 2-core machine (the load generator runs on it too).
 */
const RATE = Number(process.env.OVERLOAD_RATE ?? 2000);
const DURATION_MS = Number(process.env.OVERLOAD_DURATION_MS ?? 10_000);
/** Requests wait this long at most on the client's side: the original measurement's 30 s. */
const CLIENT_TIMEOUT_MS = 30_000;

describe(`overload: ${RATE} distinct hero queries per second for ${DURATION_MS / 1000} s`, () => {
  let database: TestDatabase;
  let server: { child: ChildProcess; base: string; health: string };
  let logFile: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.close(); // the server process opens it on its own
    // The server's log lines (one per request, 20,000 here) go to a file, as to a log collector: a pipe to this busy
    // process would fill, and the server's synchronous log writes would then wait for it.
    logFile = path.join(os.tmpdir(), `ts-overload-${process.pid}.log`);
    const log = fs.openSync(logFile, "w");
    const port = await freePort();
    const healthPort = await freePort();
    const env = {
      ...process.env,
      PORT: String(port),
      // Probes on a port of their own, as an orchestrator should use it (OVERLOAD_PROBE=api probes the API's port instead).
      HEALTH_PORT: String(healthPort),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrlOf(database.config),
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000000",
      ...(process.env.OVERLOAD_MAX_CONCURRENT && { MAX_CONCURRENT_OPERATIONS: process.env.OVERLOAD_MAX_CONCURRENT }),
      ...(process.env.OVERLOAD_MAX_QUEUED && { MAX_QUEUED_OPERATIONS: process.env.OVERLOAD_MAX_QUEUED }),
      ...(process.env.OVERLOAD_QUEUE_TIMEOUT_MS && { QUEUE_TIMEOUT_MS: process.env.OVERLOAD_QUEUE_TIMEOUT_MS }),
    };
    const child = spawn(process.execPath, [path.join(ROOT, "dist/src/server/main.js")], { cwd: ROOT, env, stdio: ["ignore", log, log] });
    fs.closeSync(log);
    server = { child, base: `http://127.0.0.1:${port}`, health: `http://127.0.0.1:${healthPort}` };
    for (const until = Date.now() + 90_000; !fs.readFileSync(logFile, "utf8").includes('"msg":"ready"'); ) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`the server did not start:\n${fs.readFileSync(logFile, "utf8")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120_000);

  afterAll(async () => {
    server?.child.kill("SIGKILL");
    if (process.env.OVERLOAD_KEEP_LOG) process.stdout.write(`server log: ${logFile}\n`);
    else fs.rmSync(logFile, { force: true });
    await database?.drop();
  });

  it("sheds what it cannot serve with 503 and Retry-After, answers the rest within a few seconds, keeps /readyz under 1 s and memory bounded, and serves normally 1 s after", async () => {
    // OVERLOAD_REPEATED=1: the same 18 queries over and over, which the response cache absorbs (for comparison, with or without REDIS_URL).
    const repeated = process.env.OVERLOAD_REPEATED === "1";
    const hero = (i: number) => ({ query: HERO, variables: repeated ? { code: REGIONS[i % REGIONS.length] } : { code: REGIONS[i % REGIONS.length], n: i } });
    const rssBefore = await residentBytes(server.child.pid!);
    const probeBase = process.env.OVERLOAD_PROBE === "api" ? server.base : server.health;
    const { outcomes, readyz, rss } = await openLoop({ base: server.base, probeBase, pid: server.child.pid!, rate: RATE, durationMs: DURATION_MS, timeoutMs: CLIENT_TIMEOUT_MS, body: hero });
    // One second after the load (its last answers included), a hero query as usual.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const afterStarted = performance.now();
    const after = await fetch(`${server.base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: HERO, variables: { code: "76", n: -1 } }) });
    const afterMs = performance.now() - afterStarted;
    const afterBody = (await after.json()) as { data?: { region?: { name?: string } } };
    // The server's own view of its event loop over the run (prom-client's, reset by this first scrape).
    const loop = await (await fetch(`${server.health}/metrics`)).text();
    const lag = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(loop)?.[1] ?? NaN) * 1000;

    const answered = outcomes.filter((o) => o.status === 200);
    const shed = outcomes.filter((o) => o.status === 503);
    const other = outcomes.filter((o) => o.status !== 200 && o.status !== 503);
    const accepted = answered.map((o) => o.ms);
    const refused = shed.map((o) => o.ms);
    const served = (from: number, to: number) => answered.filter((o) => o.at >= from && o.at < to).length / ((to - from) / 1000);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    process.stdout.write(
      `Overload ${RATE}/s × ${DURATION_MS / 1000} s = ${outcomes.length} requests: ${answered.length} answered 200 (p50 ${percentile(accepted, 50).toFixed(0)} ms, p99 ${percentile(accepted, 99).toFixed(0)} ms, max ${Math.max(...accepted).toFixed(0)} ms), ` +
        `${shed.length} shed 503 (${((100 * shed.length) / outcomes.length).toFixed(1)} %, p50 ${percentile(refused, 50).toFixed(0)} ms, max ${Math.max(0, ...refused).toFixed(0)} ms, Retry-After ${[...new Set(shed.map((o) => o.retryAfter))].join("/")}), ` +
        `${other.length} other (${[...new Set(other.map((o) => o.error ?? o.status))].join(", ")}); served ${served(2000, DURATION_MS).toFixed(0)}/s once saturated; ` +
        `/readyz on ${probeBase === server.base ? "PORT" : "HEALTH_PORT"} ${readyz.length} probes, max ${Math.max(...readyz.map((r) => r.ms)).toFixed(0)} ms (of which connecting: max ${Math.max(...readyz.map((r) => r.connectMs)).toFixed(0)} ms), statuses ${[...new Set(readyz.map((r) => r.status))].join("/")}; ` +
        `memory ${mb(rssBefore)} MB before, peak ${mb(Math.max(...rss))} MB; 1 s after the load: hero query ${after.status} in ${afterMs.toFixed(0)} ms; ` +
        `server event-loop delay p99 ${lag("nodejs_eventloop_lag_p99_seconds").toFixed(0)} ms, max ${lag("nodejs_eventloop_lag_max_seconds").toFixed(0)} ms\n`,
    );

    // Nothing hangs, nothing breaks: every request answered, each 200 or 503 (no 500). A connection the kernel refused
    // (ECONNRESET: the listen queue full, when this machine's other work starves the server) is a quick refusal, not a
    // hang: a few are tolerated; none waits the client's 30 s.
    expect(other.filter((o) => o.error !== "ECONNRESET")).toEqual([]);
    expect(other.length).toBeLessThanOrEqual(outcomes.length / 100);
    // Overload is shed, with the time to come back.
    expect(shed.length).toBeGreaterThan(0);
    expect(shed.every((o) => o.retryAfter !== undefined && Number(o.retryAfter) >= 1)).toBe(true);
    // The accepted ones are answered within a few seconds: the queue's bound and their own time, and a generous margin
    // for a shared 2-core machine whose other work, and this generator, take CPU from the server.
    expect(percentile(accepted, 99)).toBeLessThan(6000);
    // Probes stay under 1 s (on HEALTH_PORT: on the API's port they wait behind its flood of new connections).
    expect(readyz.every((r) => r.status === 200)).toBe(true);
    expect(Math.max(...readyz.map((r) => r.ms))).toBeLessThan(1000);
    // Memory stays bounded (it reached 1 GB without shedding).
    expect(Math.max(...rss)).toBeLessThan(rssBefore + 400 * 2 ** 20);
    // Serves normally within 1 s of the load dropping (a hero query takes tens of ms; the margin is the machine's).
    expect(after.status).toBe(200);
    expect(afterBody.data?.region?.name).toBeTruthy();
    expect(afterMs).toBeLessThan(1000);
  }, 180_000);
});
