import { GraphQLError } from "graphql";

/**
 * Every error code a client can receive in `extensions.code`. Stable: partners branch on them.
 * Apollo Server's own codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED…) come on top.
 */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  RATE_LIMITED = "RATE_LIMITED",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE",
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/**
 * Base of our typed errors: a fixed code, a message that states the rule and what was received.
 * `httpStatus` applies only when the error rejects a whole request (before execution); an
 * error inside execution keeps HTTP 200 with partial data, as GraphQL over HTTP requires.
 */
export abstract class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly httpStatus: number,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

/** The client sent a value that breaks a documented rule; the message says which and what was received. */
export class BadUserInputError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, 400, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "A valid API key is required: send it as 'Authorization: Bearer <key>'") {
    super(message, ErrorCode.UNAUTHENTICATED, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.NOT_FOUND, 404);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, 409, details);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = "The database is unreachable; retry in a few seconds") {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, 503);
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
