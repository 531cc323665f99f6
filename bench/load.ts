import autocannon from "autocannon";
import type { RequestBody } from "./queries";

export interface LoadSettings {
  connections: number;
  /** Seconds of load whose figures are kept. */
  duration: number;
  /** Least seconds of the same load before, whose figures are dropped (JIT, caches, prepared statements, pools, queues). */
  warmup: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses received in the measured window. */
  responses: number;
  /** Seconds of warm-up actually used (longer for slow queries: see `measure`). */
  warmupSeconds: number;
  /** Connection errors, timeouts and non-2xx responses: any of them invalidates the figures. */
  failures: number;
  /** The failures by kind, for the error message. */
  failureKinds: string;
}

/** Told when the measured window opens and when the load has stopped: a caller reads the server's CPU around it. */
export interface MeasuredWindow {
  opened: () => void;
  closed: () => void;
}

/**
 * One autocannon run of warm-up + measured window on `connections` keep-alive connections,
 * `bodies` POSTed round-robin. Only responses completed in the measured window count, so the
 * figures are those of a server whose queue has filled, not of its start.
 */
export function measure(
  url: string,
  bodies: RequestBody[],
  settings: LoadSettings,
  singleRequestMs: number,
  headers: Record<string, string> = {},
  window?: MeasuredWindow,
): Promise<LoadFigures> {
  // The queue fills once every connection waited for the others: about connections × service time.
  const warmupSeconds = Math.min(30, Math.max(settings.warmup, Math.ceil((1.5 * settings.connections * singleRequestMs) / 1000)));
  const encoded = bodies.map((b) => JSON.stringify(b));
  let next = 0;
  const latencies: number[] = [];
  let measuredFrom = Infinity;
  let failures = 0;
  const statuses = new Map<number, number>();
  const errorMessages = new Set<string>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        connections: settings.connections,
        duration: warmupSeconds + settings.duration,
        // The slowest contenders (no batching, fan-out) take seconds per request at 50 connections.
        timeout: 120,
        requests: [
          {
            setupRequest: (request) => {
              request.body = encoded[next++ % encoded.length];
              return request;
            },
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        clearTimeout(opening);
        if (error) {
          reject(error);
          return;
        }
        window?.closed();
        latencies.sort((a, b) => a - b);
        const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
        resolve({
          requestsPerSecond: latencies.length / settings.duration,
          p50: at(0.5),
          p99: at(0.99),
          responses: latencies.length,
          warmupSeconds,
          failures: failures + result.errors + result.timeouts,
          failureKinds: [...[...statuses].map(([status, n]) => `${n} × HTTP ${status}`), `${result.errors} connection errors${errorMessages.size > 0 ? ` (${[...errorMessages].join("; ")})` : ""}`, `${result.timeouts} timeouts`].join(", "),
        });
      },
    );
    const started = Date.now();
    measuredFrom = started + warmupSeconds * 1000;
    const opening = setTimeout(() => window?.opened(), warmupSeconds * 1000);
    instance.on("reqError", (error: Error) => errorMessages.add(error.message));
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode < 200 || statusCode >= 300) {
        failures++;
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      } else if (Date.now() >= measuredFrom) latencies.push(responseTime);
    });
  });
}
