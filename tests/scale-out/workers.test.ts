import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, postOnNewConnection, ROOT, startProcess, type Started } from "../support/processes";

// `npm start -- --workers 2`: one primary, two workers on one port (node:cluster), on a fresh
// SQLite file that the primary seeds before any worker starts.

const MAIN = path.join(ROOT, "dist/src/server/main.js");
const QUERY = '{ department(code: "46") { name region { name } } }';
const ANSWER = { data: { department: { name: "Lot", region: { name: "Occitanie" } } } };
/** Every request is held this long, so that a killed worker surely has requests in flight. */
const HOLD_MS = 200;
const LOOPS = 4;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-workers-"));
let server: Started;
let port: number;

interface Outcome {
  startedAt: number;
  ok: boolean;
  detail: string;
}

async function request(): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const { status, body } = await postOnNewConnection(port, QUERY, 15_000);
    const ok = status === 200 && JSON.stringify(body?.data) === JSON.stringify(ANSWER.data);
    return { startedAt, ok, detail: `${status} ${JSON.stringify(body)}` };
  } catch (error) {
    return { startedAt, ok: false, detail: (error as Error).message };
  }
}

/** Pids of the workers the primary announced (its ready line), then of those it started since. */
const logLines = () => server.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, any>);
const workerReadyCount = () => logLines().filter((l) => l.msg === "worker ready").length;

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  port = await freePort();
  server = await startProcess(process.execPath, [MAIN, "--workers", "2"], /"msg":"ready"/, {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `sqlite:${path.join(dir, "workers.sqlite")}`,
    // Every request reaches a worker (no cached answers), and the load is not rate limited.
    RESPONSE_CACHE: "off",
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000000",
    TEST_REQUEST_DELAY_MS: String(HOLD_MS),
  }, 180_000);
}, 200_000);

afterAll(async () => {
  await server?.stop("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm start -- --workers 2", () => {
  it("seeds the empty database in the primary before the workers start, then runs two workers on one port", async () => {
    await until(() => workerReadyCount() === 2, "both workers' ready lines");
    const lines = logLines();
    const seeded = lines.findIndex((l) => l.role === "primary" && /^seeded in /.test(l.msg));
    const firstWorker = lines.findIndex((l) => l.msg === "worker ready");
    expect(seeded).toBeGreaterThanOrEqual(0);
    expect(firstWorker).toBeGreaterThan(seeded);
    const ready = lines.find((l) => l.msg === "ready")!;
    expect(ready).toMatchObject({ role: "primary", workers: 2, url: `http://127.0.0.1:${port}/graphql` });
    expect(new Set(ready.pids).size).toBe(2);
    expect(lines.filter((l) => l.msg === "worker ready").map((l) => l.worker).sort()).toEqual([1, 2]);
  });

  it("serves /metrics with each worker's series labelled by worker, whichever worker answers", async () => {
    for (let i = 0; i < 4; i++) expect((await request()).ok).toBe(true);
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    const served = [...text.matchAll(/^graphql_requests_total\{operation="anonymous",outcome="success",worker="(\d+)"\} (\d+)$/gm)];
    expect(served.map((m) => m[1]).sort()).toEqual(["1", "2"]);
    expect(served.reduce((sum, m) => sum + Number(m[2]), 0)).toBeGreaterThanOrEqual(4);
  });

  it("restarts a worker killed under load; no request fails but those the dead worker held", async () => {
    const victim = logLines().find((l) => l.msg === "ready")!.pids[0] as number;
    const outcomes: Outcome[] = [];
    let killedAt = 0;
    let noticedAt = 0;
    const loop = async () => {
      // Bounded: stops 20 requests after the primary noticed the death, or at 200 in all.
      while (outcomes.length < 200 && !(noticedAt > 0 && outcomes.filter((o) => o.startedAt > noticedAt).length >= 20)) {
        outcomes.push(await request());
        if (killedAt === 0 && outcomes.length >= 8) {
          killedAt = Date.now();
          process.kill(victim, "SIGKILL");
          void until(() => /worker died: starting another/.test(server.output()), "the primary to notice").then(() => (noticedAt = Date.now()));
        }
      }
    };
    await Promise.all(Array.from({ length: LOOPS }, loop));
    expect(killedAt).toBeGreaterThan(0);
    expect(noticedAt).toBeGreaterThan(0);
    const failed = outcomes.filter((o) => !o.ok);
    // Only connections the dead worker had (in flight, or handed to it before the primary knew) may fail,
    // and they fail as connections (reset, or never answered): never as a wrong answer.
    for (const f of failed) {
      expect(f.startedAt).toBeLessThan(noticedAt);
      expect(f.detail).toMatch(/socket hang up|ECONNRESET|EPIPE|timed out/);
    }
    expect(outcomes.filter((o) => o.startedAt >= noticedAt && o.ok).length).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((o) => o.startedAt < killedAt && o.ok).length).toBeGreaterThanOrEqual(8 - LOOPS);
    await until(() => workerReadyCount() === 3, "the replacement worker");
    expect(logLines().find((l) => /worker died/.test(l.msg))).toMatchObject({ pid: victim, signal: "SIGKILL" });
    process.stdout.write(`workers: ${outcomes.length} requests, ${failed.length} failed (all before the primary noticed the death, ${noticedAt - killedAt} ms after the kill)\n`);
  }, 300_000);

  it("replaces a worker stopped with SIGTERM under load (as a crashing worker stops: it drains) without a failed request", async () => {
    const victim = logLines().find((l) => l.msg === "ready")!.pids[1] as number;
    const readyBefore = workerReadyCount();
    const outcomes: Outcome[] = [];
    let stoppedAt = 0;
    const loop = async () => {
      while (outcomes.length < 60) {
        outcomes.push(await request());
        if (stoppedAt === 0 && outcomes.length >= 8) {
          stoppedAt = Date.now();
          process.kill(victim, "SIGTERM");
        }
      }
    };
    await Promise.all(Array.from({ length: LOOPS }, loop));
    expect(stoppedAt).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    await until(() => workerReadyCount() === readyBefore + 1, "the replacement worker");
    const lines = logLines();
    expect(lines.find((l) => l.msg === "stopped" && l.pid === victim)).toMatchObject({ exitCode: 0 });
    expect(lines.filter((l) => /worker died/.test(l.msg)).at(-1)).toMatchObject({ pid: victim, code: 0 });
  }, 120_000);

  it("on SIGTERM answers the requests in flight on every worker, then the primary and the workers exit 0", async () => {
    const workerPids = () => [...new Set(logLines().filter((l) => l.msg === "worker ready").map((l) => l.pid as number))];
    const inFlight = Array.from({ length: 4 }, () => request());
    await new Promise((r) => setTimeout(r, HOLD_MS / 2));
    const code = await server.stop("SIGTERM");
    expect((await Promise.all(inFlight)).map((o) => o.ok)).toEqual([true, true, true, true]);
    expect(code).toBe(0);
    const alive = workerPids().filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    const lines = logLines();
    const primaryStopping = lines.findIndex((l) => l.role === "primary" && l.msg.startsWith("shutting down"));
    expect(lines.slice(primaryStopping).filter((l) => l.msg === "stopped" && l.worker !== undefined).length).toBe(2);
  });
});

describe("--workers and WORKERS", () => {
  it("refuses a count that is neither auto nor 1–256 before starting anything, in one line", async () => {
    const { execFile } = await import("node:child_process");
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }));
      });
    expect(await run(["--workers", "0"], {})).toEqual({ code: 1, stderr: 'start-up failed: --workers must be "auto" or an integer between 1 and 256 (received "0")\n' });
    expect(await run([], { WORKERS: "many" })).toEqual({ code: 1, stderr: 'start-up failed: WORKERS must be "auto" or an integer between 1 and 256 (received "many")\n' });
  });
});
