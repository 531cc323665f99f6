import type { RequestHandler } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../../errors/errors";
import { sendHttpError } from "../../errors/http-answer";
import { callerOf } from "./authenticate.middleware";

export interface RateLimitOptions {
  keyRequestsPerMinute: number;
  anonymousRequestsPerMinute: number;
}

/**
 * Per-key (or, without a key, per-IP) request budget per minute, kept in memory by
 * rate-limiter-flexible. Over budget: 429 RATE_LIMITED with Retry-After.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const byKey = new RateLimiterMemory({ points: options.keyRequestsPerMinute, duration: 60, keyPrefix: "key" });
  const byIp = new RateLimiterMemory({ points: options.anonymousRequestsPerMinute, duration: 60, keyPrefix: "ip" });
  return (req, res, next) => {
    const caller = callerOf(res);
    const [limiter, id, bucket] = caller.kind === "key" ? [byKey, caller.keyId, "key" as const] : [byIp, req.ip ?? "unknown", "anonymous" as const];
    limiter.consume(id).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const message = `Too many requests: at most ${limiter.points} a minute ${bucket === "key" ? "per API key" : "per address without a key"}`;
        sendHttpError(res, new RateLimitedError(message, retryAfter), next);
      },
    );
  };
}
