import { GraphQLError } from "graphql";

/**
 * Every error code a client can receive in `extensions.code`, ours and those Apollo Server,
 * graphql-js and the gateway raise that we pass through. Stable: partners branch on them. Any
 * other code is masked as INTERNAL_SERVER_ERROR by `formatError`. tests/errors/error-codes.test.ts
 * checks that each has a status and that no module writes a code of its own, and
 * tests/errors/http-answers.test.ts that every code an HTTP answer carries is one of these.
 */
export enum ErrorCode {
  // Ours.
  BAD_USER_INPUT = "BAD_USER_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  RATE_LIMITED = "RATE_LIMITED",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE",
  REQUEST_TIMEOUT = "REQUEST_TIMEOUT",
  PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH",
  ORIGIN_NOT_ALLOWED = "ORIGIN_NOT_ALLOWED",
  PERSISTED_DOCUMENT_NOT_FOUND = "PERSISTED_DOCUMENT_NOT_FOUND",
  PERSISTED_DOCUMENT_REQUIRED = "PERSISTED_DOCUMENT_REQUIRED",
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
  // Apollo Server's and graphql-js's, passed through (we raise some of them too).
  GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED",
  BAD_REQUEST = "BAD_REQUEST",
  PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND",
  OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE",
  // The gateway's: a subgraph could not answer.
  DOWNSTREAM_SERVICE_ERROR = "DOWNSTREAM_SERVICE_ERROR",
}

/**
 * The HTTP status of a request refused as a whole (before execution), by code: the one table
 * every HTTP answer reads (src/errors/http-answer.ts). An error inside execution keeps HTTP 200
 * with partial data, as GraphQL over HTTP requires, whatever its code.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.OPERATION_NOT_ALLOWED]: 403,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.REQUEST_TIMEOUT]: 408,
  [ErrorCode.PERSISTED_QUERY_HASH_MISMATCH]: 400,
  [ErrorCode.ORIGIN_NOT_ALLOWED]: 403,
  [ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND]: 404,
  [ErrorCode.PERSISTED_DOCUMENT_REQUIRED]: 403,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.GRAPHQL_PARSE_FAILED]: 400,
  // The GraphQL-over-HTTP draft of 2026: a request that parses but cannot run on this schema.
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: 422,
  [ErrorCode.BAD_REQUEST]: 400,
  // Apollo's clients read this answer as "send the full text": Apollo answers it with 200.
  [ErrorCode.PERSISTED_QUERY_NOT_FOUND]: 200,
  [ErrorCode.OPERATION_RESOLUTION_FAILURE]: 400,
  [ErrorCode.DOWNSTREAM_SERVICE_ERROR]: 502,
};

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(HTTP_STATUS, code);
}

/**
 * Base of our typed errors: a fixed code, a message that states the rule and what was received.
 * `httpStatus` (from HTTP_STATUS) applies only when the error refuses a whole request.
 */
export abstract class AppError extends GraphQLError {
  readonly httpStatus: number;
  constructor(
    message: string,
    readonly code: ErrorCode,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.httpStatus = HTTP_STATUS[code];
  }
}

/** The client sent a value that breaks a documented rule; the message says which and what was received. */
export class BadUserInputError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "A valid API key is required: send it as 'Authorization: Bearer <key>'") {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.NOT_FOUND);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, details);
  }
}

/**
 * A dependency (the database, the server's own capacity) cannot serve the request now; retrying
 * later may work. `retryAfterSeconds` becomes the `Retry-After` header of an HTTP 503.
 */
export class ServiceUnavailableError extends AppError {
  constructor(
    message = "The database is unreachable; retry in a few seconds",
    readonly retryAfterSeconds = 1,
    details: Record<string, unknown> = {},
  ) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, details);
  }
}

/** What the client is told of a read the database did not answer within DATABASE_QUERY_TIMEOUT_MS. */
export const DATABASE_TIMEOUT_MESSAGE = "The database did not answer in time; retry in a few seconds";

/**
 * A statement the database did not answer within DATABASE_QUERY_TIMEOUT_MS (a stalled network or
 * server: the connection is open, nothing comes back). Raised by the db layer, never shown as
 * such: `formatError` answers it as SERVICE_UNAVAILABLE.
 */
export class DatabaseTimeoutError extends Error {
  override name = "DatabaseTimeoutError";
}

/** More requests than the server runs at once and queues: refused at once, or after waiting in the queue its bounded time. */
export class OverloadedError extends ServiceUnavailableError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(`The server is at capacity (${detail}); retry in ${retryAfterSeconds} s`, retryAfterSeconds, { reason: "overloaded" });
  }
}

/**
 * A write whose transaction the database did not answer in time. `applied` says what became of
 * it, as the server established before answering: false (nothing was committed: retry it), or
 * "unknown" (the commit was sent and the database could not be asked since: read the data back,
 * or retry with the same clientMutationId, before writing again). A write found committed is
 * answered as a success, not with this error.
 */
export class WriteTimeoutError extends ServiceUnavailableError {
  constructor(readonly applied: false | "unknown") {
    super(
      applied === false
        ? "The database did not answer in time: this write was not applied (nothing was committed); retry it in a few seconds"
        : "The database did not answer in time while committing this write: it may have been applied; read it back (or retry with the same clientMutationId) before writing it again",
      1,
      { writeApplied: applied },
    );
  }
}

/** The request itself cannot be read: not JSON, not a GraphQL request, variables of a hostile shape. */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.BAD_REQUEST);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes`, ErrorCode.PAYLOAD_TOO_LARGE);
  }
}

/** The request body arrived too slowly, or not in full within REQUEST_BODY_TIMEOUT_MS. */
export class RequestTimeoutError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.REQUEST_TIMEOUT);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** The caller's budget, for the RateLimit headers of the refusal (src/server/security/rate-limit.middleware.ts). */
    readonly state?: { policy: "key" | "anonymous"; limit: number; windowSeconds: number; remaining: number; resetSeconds: number },
  ) {
    super(message, ErrorCode.RATE_LIMITED, { retryAfterSeconds });
  }
}

/** Which limit a too-big operation broke: `extensions.limit`. */
export type QueryLimit = "depth" | "aliases" | "directives" | "tokens" | "cost";

export class QueryTooComplexError extends AppError {
  constructor(message: string, limit: QueryLimit, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { limit, ...details });
  }
}

export class OperationNotAllowedError extends AppError {
  constructor() {
    super("This server only runs the operations on its allow-list", ErrorCode.OPERATION_NOT_ALLOWED);
  }
}

/** `operationName` names no operation of the document (or a document of several operations comes without one). */
export class OperationResolutionError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.OPERATION_RESOLUTION_FAILURE);
  }
}

/** An automatic persisted query whose `sha256Hash` is not the hash of the `query` sent with it. */
export class PersistedQueryHashMismatchError extends AppError {
  constructor(received: string, computed: string) {
    super(
      `extensions.persistedQuery.sha256Hash must be the SHA-256 of the query text (received "${received.slice(0, 64)}", the text hashes to "${computed}")`,
      ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
    );
  }
}

/** A page whose origin may not call the API (CORS_ORIGINS), or a key bound to origins used from another page. */
export class OriginNotAllowedError extends AppError {
  constructor(message: string, allowed: readonly string[]) {
    super(message, ErrorCode.ORIGIN_NOT_ALLOWED, { allowedOrigins: [...allowed] });
  }
}

/** A `documentId` that names no trusted document this caller may run. */
export class PersistedDocumentNotFoundError extends AppError {
  constructor(documentId: string) {
    super(
      `No trusted document "${documentId.slice(0, 80)}" is registered for this caller: register your manifest first (docs/partners.md), or send the query text`,
      ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND,
    );
  }
}

/** A documents-only key (an embed key, or one created with --documents-only) sent query text. */
export class PersistedDocumentRequiredError extends AppError {
  constructor() {
    super(
      "This API key only runs trusted documents: send `documentId` (sha256:<hex> of a document registered for the key) instead of `query`",
      ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
    );
  }
}

/** A remote subgraph (ours elsewhere, or a partner's) could not be reached; the rest of the query is answered. */
export class DownstreamServiceError extends AppError {
  constructor(serviceName: string, cause: string) {
    super(`subgraph "${serviceName}" could not be reached (${cause})`, ErrorCode.DOWNSTREAM_SERVICE_ERROR, { serviceName });
  }
}

/** What a client is told of an unexpected error: nothing but this. */
export const MASKED_MESSAGE = "Internal server error";

/** An unexpected error as the client sees it (the original goes to the server log). */
export class InternalServerError extends AppError {
  constructor() {
    super(MASKED_MESSAGE, ErrorCode.INTERNAL_SERVER_ERROR);
  }
}

/**
 * Start-up errors: a wrong setting stops the process before it serves anything. Each problem is
 * one line of `message` (and one entry of `problems`), naming the setting and what was received;
 * `main` prints them without a stack.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.join("\n"));
    this.problems = list;
  }
}
