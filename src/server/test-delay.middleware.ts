import type { RequestHandler } from "express";

/**
 * Test-only (`TEST_REQUEST_DELAY_MS`, off by default): holds each GraphQL request this long
 * before executing it. On SQLite a request runs without yielding to the event loop, so without
 * it no request is ever "in flight" when a signal is handled; the graceful-shutdown test needs
 * requests that are. Never set it in production.
 */
export function delayRequests(delayMs: number): RequestHandler {
  return (_req, _res, next) => {
    setTimeout(next, delayMs);
  };
}
