import type { ErrorRequestHandler } from "express";
import { AppError, BadRequestError, PayloadTooLargeError } from "../../errors/errors";
import { sendHttpError } from "../../errors/http-answer";

/**
 * Errors raised before GraphQL sees the request (body too large, body not JSON) answered as
 * GraphQL errors in JSON, never Express's HTML page with a stack trace.
 */
export function requestErrors(report: (error: unknown) => void): ErrorRequestHandler {
  return (error: { type?: string; status?: number; limit?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    sendHttpError(res, typedError(error), report);
  };
}

/** body-parser's errors as ours; anything else is left as it is (unexpected: reported and masked). */
function typedError(error: { type?: string; status?: number; limit?: number }): unknown {
  // Our own refusal thrown from body-parser's `verify` (refuseDeepJson) comes back wrapped with a 403 status: keep it.
  if (error instanceof AppError) return error;
  if (error.type === "entity.too.large") return new PayloadTooLargeError(error.limit ?? 0);
  if (error.type === "entity.parse.failed" || error.type === "encoding.unsupported" || error.type === "charset.unsupported") {
    return new BadRequestError("The request body is not valid JSON");
  }
  if (typeof error.status === "number" && error.status >= 400 && error.status < 500) return new BadRequestError("The request could not be read");
  return error;
}
