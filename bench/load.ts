import autocannon from "autocannon";
import type { RequestBody } from "./queries";

export interface LoadSettings {
  connections: number;
  /** Seconds of load whose figures are kept. */
  duration: number;
  /** Seconds of the same load before, whose figures are dropped (JIT, caches, prepared statements, pools). */
  warmup: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses received in the measured window. */
  responses: number;
  /** Connection errors, timeouts and non-2xx responses: any of them invalidates the figures. */
  failures: number;
}

/** Sends `bodies` round-robin, POSTed as JSON, on `connections` keep-alive connections. */
function run(url: string, bodies: RequestBody[], connections: number, duration: number): Promise<autocannon.Result> {
  const encoded = bodies.map((b) => JSON.stringify(b));
  let next = 0;
  return autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    connections,
    duration,
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
  });
}

/** Warms up, lets the server drain (`settle`), then measures. */
export async function measure(url: string, bodies: RequestBody[], settings: LoadSettings, settle: () => Promise<void>): Promise<LoadFigures> {
  if (settings.warmup > 0) {
    await run(url, bodies, settings.connections, settings.warmup);
    await settle();
  }
  const result = await run(url, bodies, settings.connections, settings.duration);
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    responses: result["2xx"],
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
