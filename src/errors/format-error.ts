import { unwrapResolverError } from "@apollo/server/errors";
import { type GraphQLFormattedError, GraphQLError } from "graphql";
import { armorLimitOf } from "./armor-limit";
import { AppError, DATABASE_TIMEOUT_MESSAGE, DatabaseTimeoutError, ErrorCode, MASKED_MESSAGE, ServiceUnavailableError } from "./errors";

/** Codes shown to the client as they are (INTERNAL_SERVER_ERROR is left out: Apollo gives it to unexpected errors, which are masked). */
const PASS_THROUGH = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

/** Errors a driver raises when the database cannot be reached (or a connection we dropped after a timeout). */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Connection terminated|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|Client was closed and is not queryable|Connection refused|the database connection is closed/i;

/** An error and what it wraps (a compiled executor's GraphQLError, a DataLoader error, TypeORM's QueryFailedError), outermost first. */
function* chainOf(error: unknown): Generator<Error> {
  for (let depth = 0; error instanceof Error && depth < 6; depth++) {
    yield error;
    error = (error as { originalError?: unknown }).originalError ?? (error as { driverError?: unknown }).driverError ?? error.cause;
  }
}

export function isDatabaseUnreachable(error: unknown): boolean {
  for (const e of chainOf(error)) {
    const code = (e as { code?: unknown }).code;
    if (UNREACHABLE.test(`${String(code ?? "")} ${e.message}`) || (typeof code === "string" && /^(08|57P0)/.test(code))) return true;
  }
  return false;
}

/** A statement the database did not answer within DATABASE_QUERY_TIMEOUT_MS (src/db/postgres-deadline.ts, the SQLite read worker). */
export function isDatabaseTimeout(error: unknown): boolean {
  for (const e of chainOf(error)) if (e instanceof DatabaseTimeoutError) return true;
  return false;
}

/** The client-facing error of a database that did not answer, or could not be reached; null for anything else. */
function databaseUnavailable(error: unknown): ServiceUnavailableError | null {
  if (isDatabaseTimeout(error)) return new ServiceUnavailableError(DATABASE_TIMEOUT_MESSAGE);
  return isDatabaseUnreachable(error) ? new ServiceUnavailableError() : null;
}

/**
 * What a request refused outside GraphQL execution (HTTP middleware, the maps) answers: our
 * typed errors as they are, a database outage as SERVICE_UNAVAILABLE, anything else null
 * (unexpected: report it and answer 500).
 */
export function clientFacingError(caught: unknown): AppError | null {
  if (caught instanceof AppError) return caught;
  return databaseUnavailable(caught);
}

export type UnexpectedErrorReporter = (error: unknown) => void;

/**
 * The one place where errors become what the client sees. Our typed errors and GraphQL's own
 * keep their code and message; a database outage becomes SERVICE_UNAVAILABLE; anything else
 * is masked as INTERNAL_SERVER_ERROR (no stack, no SQL) and reported server-side.
 */
export function createFormatError(report: UnexpectedErrorReporter) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    const limit = armorLimitOf(formatted.message);
    if (limit) {
      // A limit, not a malformed query: one code for every "too big" rejection.
      return { message: formatted.message.replace(/^Syntax Error: /, ""), extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit } };
    }
    if (typeof code === "string" && PASS_THROUGH.has(code) && (original instanceof GraphQLError || !(original instanceof Error))) {
      const { stacktrace: _stack, exception: _exception, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === MASKED_MESSAGE) {
      // Already masked (and reported) by an in-process subgraph.
      return { message: MASKED_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    const unavailable = databaseUnavailable(original);
    if (unavailable) {
      return {
        message: unavailable.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    report(original);
    return {
      message: MASKED_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
