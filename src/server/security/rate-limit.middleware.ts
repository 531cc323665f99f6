import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Caller } from "../../auth/caller";
import { RateLimitedError } from "../../errors/errors";
import { sendHttpError } from "../../errors/http-answer";
import { callerOf } from "./authenticate.middleware";

export interface RateLimitOptions {
  keyRequestsPerMinute: number;
  anonymousRequestsPerMinute: number;
}

/** A caller's budget after a request was counted. */
export interface RateLimitState {
  /** Which budget: one per API key, or one per address without a key. */
  policy: "key" | "anonymous";
  /** Requests per window. */
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Takes one request from the caller's budget and says what is left (undefined: this caller is not
 * counted here, e.g. anonymous fetches of a subgraph behind a gateway); rejects with
 * RateLimitedError past it.
 */
export type RateLimiter = (caller: Caller, address: string | undefined) => Promise<RateLimitState | undefined>;

const WINDOW_SECONDS = 60;

/**
 * Per-key (or, without a key, per-IP) request budget per minute, kept in memory by
 * rate-limiter-flexible. Over budget: 429 RATE_LIMITED with Retry-After.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const byKey = new RateLimiterMemory({ points: options.keyRequestsPerMinute, duration: WINDOW_SECONDS, keyPrefix: "key" });
  const byIp = new RateLimiterMemory({ points: options.anonymousRequestsPerMinute, duration: WINDOW_SECONDS, keyPrefix: "ip" });
  return (caller, address) => {
    const [limiter, id, policy] = caller.kind === "key" ? [byKey, caller.keyId, "key" as const] : [byIp, address ?? "unknown", "anonymous" as const];
    const state = (res: RateLimiterRes): RateLimitState => ({
      policy,
      limit: limiter.points,
      windowSeconds: WINDOW_SECONDS,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });
    return limiter.consume(id).then(state, (rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const message = `Too many requests: at most ${limiter.points} a minute ${policy === "key" ? "per API key" : "per address without a key"}`;
      throw new RateLimitedError(message, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), state(rejection));
    });
  };
}

/**
 * The caller's budget on every answer, as the IETF draft "RateLimit header fields for HTTP"
 * writes it: `RateLimit-Policy: "key";q=1200;w=60` (the quota and its window) and
 * `RateLimit: "key";r=1187;t=42` (what remains, and seconds until it resets).
 */
export function setRateLimitHeaders(res: ServerResponse, state: RateLimitState): void {
  res.setHeader("ratelimit-policy", `"${state.policy}";q=${state.limit};w=${state.windowSeconds}`);
  res.setHeader("ratelimit", `"${state.policy}";r=${state.remaining};t=${state.resetSeconds}`);
}

/** Counts a request against the caller's budget, and writes the budget on the answer whether it passes or not. */
export async function countRequest(limiter: RateLimiter, res: ServerResponse, caller: Caller, address: string | undefined): Promise<void> {
  try {
    const state = await limiter(caller, address);
    if (state) setRateLimitHeaders(res, state);
  } catch (error) {
    if (error instanceof RateLimitedError && error.state) setRateLimitHeaders(res, error.state);
    throw error;
  }
}

/** A rate limiter as an Express middleware (the maps, the exports): its own budget, or one shared with another route. */
export function rateLimit(options: RateLimitOptions, consume: RateLimiter = createRateLimiter(options)): RequestHandler {
  return (req, res, next) => {
    countRequest(consume, res, callerOf(res), req.ip).then(
      () => next(),
      (error: unknown) => (error instanceof RateLimitedError ? sendHttpError(res, error, next) : next(error)),
    );
  };
}
