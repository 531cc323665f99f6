import { execFile } from "node:child_process";
import http from "node:http";
import { residentBytes } from "../support/server-process";

/** The hero query of the partner contract, by région: `n` makes each request distinct (its cache key), the answer the same. */
export const HERO = `query Hero($code: ID!) { region(code: $code) { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;
export const REGIONS = ["76", "84", "11", "75", "44", "53", "52", "28", "32", "27", "24", "93", "94", "01", "02", "03", "04", "06"];

export interface Outcome {
  /** When it was sent, from the start of the load (ms). */
  at: number;
  ms: number;
  /** HTTP status; 0 for a request with no answer (connection error, or still waiting at the end). */
  status: number;
  retryAfter?: string;
  error?: string;
}

export interface OpenLoopResult {
  outcomes: Outcome[];
  /** /readyz answer times during the load (ms, and the part spent connecting), and their statuses. */
  readyz: { ms: number; status: number; connectMs: number }[];
  /** The server's resident memory, sampled every 500 ms (bytes). */
  rss: number[];
}

/**
 * Offers `rate` requests per second for `durationMs`, whatever the server answers (an open loop:
 * a request is sent when its time comes, not when the previous one is answered, as partners' and
 * users' requests arrive), each waiting `timeoutMs` at most. Meanwhile /readyz is probed (by curl)
 * and the server's memory sampled every 500 ms.
 */
export async function openLoop(options: {
  base: string;
  /** Where /readyz is probed: the API's port, or HEALTH_PORT's. */
  probeBase: string;
  pid: number;
  rate: number;
  durationMs: number;
  timeoutMs: number;
  body: (i: number) => unknown;
}): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const url = new URL(options.base);
  const outcomes: Outcome[] = [];
  const readyz: OpenLoopResult["readyz"] = [];
  const rss: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];

  const send = (i: number) => {
    const at = performance.now() - started;
    const payload = JSON.stringify(options.body(i));
    pending.push(
      new Promise<void>((resolve) => {
        const done = (outcome: Omit<Outcome, "at" | "ms">) => {
          outcomes.push({ at, ms: performance.now() - started - at, ...outcome });
          resolve();
        };
        const req = http.request(
          { host: url.hostname, port: url.port, path: "/graphql", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
          (res) => {
            res.resume();
            res.on("end", () => done({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined }));
            res.on("error", (error) => done({ status: 0, error: (error as NodeJS.ErrnoException).code ?? error.message }));
          },
        );
        req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error("no answer"), { code: "TIMEOUT" })));
        req.on("error", (error) => done({ status: 0, error: (error as NodeJS.ErrnoException).code ?? error.message }));
        req.end(payload);
      }),
    );
  };

  // /readyz as an orchestrator probes it: curl, a process of its own, timing itself (this process is busy sending the load).
  const probe = setInterval(() => {
    execFile("curl", ["-s", "-o", "/dev/null", "-m", "5", "-w", "%{http_code} %{time_total} %{time_connect}", `${options.probeBase}/readyz`], (_error, stdout) => {
      const [status, seconds, connect] = String(stdout).trim().split(" ");
      readyz.push({ ms: Number(seconds) * 1000, status: Number(status) || 0, connectMs: Number(connect) * 1000 });
    });
    residentBytes(options.pid).then((bytes) => rss.push(bytes), () => undefined);
  }, 500);

  // Sends what is due every 5 ms: the count follows the clock, not the timer's punctuality.
  const total = Math.round((options.rate * options.durationMs) / 1000);
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate));
      while (sent < due) send(sent++);
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  clearInterval(probe);
  await Promise.all(pending);
  agent.destroy();
  return { outcomes, readyz, rss };
}

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
