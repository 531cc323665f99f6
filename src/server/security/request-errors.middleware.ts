import type { ErrorRequestHandler } from "express";
import { ErrorCode } from "../../errors/errors";
import { sendRequestError } from "./authenticate.middleware";

/**
 * Errors raised before GraphQL sees the request (body too large, body not JSON) answered as
 * GraphQL errors in JSON, never Express's HTML page with a stack trace.
 */
export function requestErrors(report: (error: unknown) => void): ErrorRequestHandler {
  return (error: { type?: string; status?: number; limit?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error.type === "entity.too.large") {
      return sendRequestError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than the limit of ${error.limit} bytes`);
    }
    if (error.type === "entity.parse.failed" || error.type === "encoding.unsupported" || error.type === "charset.unsupported") {
      return sendRequestError(res, 400, "BAD_REQUEST", "The request body is not valid JSON");
    }
    if (typeof error.status === "number" && error.status >= 400 && error.status < 500) {
      return sendRequestError(res, error.status, "BAD_REQUEST", "The request could not be read");
    }
    report(error);
    sendRequestError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
  };
}
