import type { ErrorRequestHandler } from "express";
import { sendHttpError } from "../../errors/http-answer";

/**
 * Errors of the Express routes (health, metrics, maps, GraphiQL's files) answered as GraphQL
 * errors in JSON, never Express's HTML page with a stack trace: our typed errors as they are,
 * anything else reported and masked (src/errors/http-answer.ts).
 */
export function requestErrors(report: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    sendHttpError(res, error, report);
  };
}
