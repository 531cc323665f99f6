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

/** Takes one request from the caller's budget; rejects with RateLimitedError past it. */
export type RateLimiter = (caller: Caller, address: string | undefined) => Promise<void>;

/**
 * Per-key (or, without a key, per-IP) request budget per minute, kept in memory by
 * rate-limiter-flexible. Over budget: 429 RATE_LIMITED with Retry-After.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const byKey = new RateLimiterMemory({ points: options.keyRequestsPerMinute, duration: 60, keyPrefix: "key" });
  const byIp = new RateLimiterMemory({ points: options.anonymousRequestsPerMinute, duration: 60, keyPrefix: "ip" });
  return (caller, address) => {
    const [limiter, id, bucket] = caller.kind === "key" ? [byKey, caller.keyId, "key" as const] : [byIp, address ?? "unknown", "anonymous" as const];
    return limiter.consume(id).then(
      () => undefined,
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const message = `Too many requests: at most ${limiter.points} a minute ${bucket === "key" ? "per API key" : "per address without a key"}`;
        throw new RateLimitedError(message, retryAfter);
      },
    );
  };
}

/** A rate limiter as an Express middleware (the maps, GET /graphql): its own budget, or `consume`'s, shared with another path. */
export function rateLimit(options: RateLimitOptions, consume: RateLimiter = createRateLimiter(options)): RequestHandler {
  return (req, res, next) => {
    consume(callerOf(res), req.ip).then(
      () => next(),
      (error: unknown) => (error instanceof RateLimitedError ? sendHttpError(res, error, next) : next(error)),
    );
  };
}
