import CircuitBreaker from "opossum";

/** Which cache call was skipped: a lookup (the request is answered from the database) or a store (the answer is not kept). */
export type CacheOperation = "get" | "set";

/**
 * Why: `timeout` (Redis did not answer within REDIS_COMMAND_TIMEOUT_MS), `error` (it failed, or
 * is disconnected), `open` (not asked: the breaker is open after most recent calls failed).
 */
export type CacheSkipReason = "timeout" | "error" | "open";

export type CacheSkipListener = (operation: CacheOperation, reason: CacheSkipReason) => void;
const listeners = new Set<CacheSkipListener>();

/** Tells `listener` of every skipped cache call (the metrics count them); returns how to stop. */
export function onCacheSkip(listener: CacheSkipListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What /readyz reports: "ok", or "stalled" while the breaker keeps Redis out of the requests' way. */
export type BreakerState = "ok" | "stalled";

/**
 * How the breaker decides (opossum's terms): it opens when more than half of the cache calls of
 * the last second failed, once there were at least 10 of them (a single slow call at low traffic
 * does not open it), stays open 1 s, then lets one call through (half-open): a success closes it,
 * a failure opens it for another second.
 */
const BREAKER_OPTIONS: CircuitBreaker.Options = {
  // The deadline is ioredis' own `commandTimeout` (the command is failed and forgotten); the breaker only counts.
  timeout: false,
  errorThresholdPercentage: 50,
  volumeThreshold: 10,
  rollingCountTimeout: 1000,
  rollingCountBuckets: 10,
  resetTimeout: 1000,
  // Counts only: no latency percentiles, no snapshot events.
  rollingPercentilesEnabled: false,
  enableSnapshots: false,
};

const reasonOf = (error: unknown): CacheSkipReason => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === "EOPENBREAKER") return "open";
  return typeof message === "string" && /timed out/i.test(message) ? "timeout" : "error";
};

/**
 * Calls to a shared cache that never slow an answer down: each has a deadline (the client's), and
 * a circuit breaker (opossum) stops asking a cache that keeps failing or timing out, so that a
 * stalled Redis costs each request nothing rather than the deadline. A skipped call reads as a
 * miss (a lookup) or is dropped (a store), and is counted (`onCacheSkip`).
 */
export class CacheBreaker {
  private readonly breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), BREAKER_OPTIONS);

  /** `call`'s result, or undefined when it was skipped, failed or timed out. */
  async run<T>(operation: CacheOperation, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return (await this.breaker.fire(call)) as T;
    } catch (error) {
      this.skipped(operation, reasonOf(error));
      return undefined;
    }
  }

  /** Counts a call not made because the client is not connected. */
  skipped(operation: CacheOperation, reason: CacheSkipReason): void {
    for (const listener of listeners) listener(operation, reason);
  }

  get state(): BreakerState {
    return this.breaker.closed ? "ok" : "stalled";
  }

  /** Stops the breaker's statistics timer. */
  shutdown(): void {
    this.breaker.shutdown();
  }
}
