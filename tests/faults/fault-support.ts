import { Client } from "pg";
import { TEST_POSTGRES_URL } from "../support/test-database";

/** True when the machine's PostgreSQL answers (the fault tests need the real server behind their proxy). */
export async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** One request of a load: how long it took, its status, and the first error code of its answer. */
export interface Sample {
  ms: number;
  status: number;
  code?: string;
  retryAfter?: string | null;
  /** The request failed at the HTTP level (no answer): its error. */
  failed?: string;
}

/** POSTs a GraphQL request and times it; never throws (a request that gets no answer is a sample with `failed`). */
export async function timedPost(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<Sample & { body?: any }> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = (await res.json().catch(() => null)) as any;
    return { ms: performance.now() - started, status: res.status, code: json?.errors?.[0]?.extensions?.code, retryAfter: res.headers.get("retry-after"), body: json };
  } catch (error) {
    return { ms: performance.now() - started, status: 0, failed: (error as Error).message };
  }
}

/** `clients` loops sending `next()`'s request for `durationMs`; every sample, in completion order. */
export async function closedLoop(url: string, clients: number, durationMs: number, next: (i: number) => unknown): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = performance.now() + durationMs;
  let i = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const { body: _body, ...sample } = await timedPost(url, next(i++));
        samples.push(sample);
      }
    }),
  );
  return samples;
}

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Counts by value, e.g. statuses or codes, for the printed figures. */
export function tally<T>(values: T[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
