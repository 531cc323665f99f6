import type { ServerResponse } from "node:http";
import { clientFacingError } from "./format-error";
import { type AppError, ErrorCode, HTTP_STATUS, InternalServerError, isErrorCode, RateLimitedError, RequestTimeoutError, ServiceUnavailableError } from "./errors";

/** Codes of a well-formed request whose operation cannot run: invalid for the schema, or variables of the wrong type. */
const UNPROCESSABLE = new Set<unknown>([ErrorCode.GRAPHQL_VALIDATION_FAILED, ErrorCode.BAD_USER_INPUT]);

/**
 * The HTTP status of a GraphQL answer without `data` (the request was refused before
 * execution), from its errors' codes. 422 when the operation parses but cannot run (invalid for
 * the schema, or variables that cannot be coerced), as the GraphQL-over-HTTP draft of 2026 asks;
 * otherwise the codes' status in HTTP_STATUS, 400 when they disagree. Apollo Server's answers
 * take it through `httpStatusPlugin`; answers written outside Apollo through `sendHttpError`.
 */
export function rejectionStatus(codes: readonly unknown[]): number {
  if (codes.length > 0 && codes.every((code) => UNPROCESSABLE.has(code))) return 422;
  const statuses = new Set(codes.map((code) => (isErrorCode(code) ? HTTP_STATUS[code] : HTTP_STATUS.INTERNAL_SERVER_ERROR)));
  return statuses.size === 1 ? [...statuses][0] : 400;
}

/**
 * The status of a GraphQL answer that executed: 503 when no root field has data and every error
 * says a dependency was unavailable (the database did not answer, or could not be reached), so
 * that clients and load balancers retry it (with `Retry-After`); undefined (keep Apollo's) otherwise.
 * An answer with any data, or with any other error, keeps 200: a partial answer is an answer.
 */
export function unavailableStatus(data: Record<string, unknown> | null | undefined, codes: readonly unknown[]): number | undefined {
  if (codes.length === 0 || !codes.every((code) => code === ErrorCode.SERVICE_UNAVAILABLE)) return undefined;
  if (data && Object.values(data).some((value) => value !== null)) return undefined;
  return HTTP_STATUS.SERVICE_UNAVAILABLE;
}

/**
 * Answers a request refused outside GraphQL execution (HTTP middleware, the maps): the one place
 * where their status, headers and body are written. Our typed errors go as they are, a database
 * outage as SERVICE_UNAVAILABLE; anything else is reported and masked as INTERNAL_SERVER_ERROR.
 * The body has the shape of a GraphQL answer: `{"errors": [{"message", "extensions": {"code", …}}]}`.
 */
export function sendHttpError(res: ServerResponse, caught: unknown, report: (error: unknown) => void): void {
  let error: AppError | null = clientFacingError(caught);
  if (!error) {
    report(caught);
    error = new InternalServerError();
  }
  if (error instanceof RateLimitedError || error instanceof ServiceUnavailableError) res.setHeader("retry-after", String(error.retryAfterSeconds));
  // A client whose body arrives too slowly gets no second chance on this connection.
  if (error instanceof RequestTimeoutError) res.setHeader("connection", "close");
  // Plain node:http calls (an Express response is one too): /graphql's pipeline runs without Express. Header names in lower case, as every answer's.
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
  res.statusCode = error.httpStatus;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}
