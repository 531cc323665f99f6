import { SqlStatementLog } from "../db/sql-statement-log";

/**
 * What is known about one HTTP request on /graphql, filled in as it goes (operation, error
 * codes, caller's organization) and read once when its response is sent, for the request's log
 * line and metrics. Lives exactly as long as its request; carried explicitly (the response's
 * `locals`, then the GraphQL context), never through AsyncLocalStorage.
 */
export class RequestRecord {
  readonly startedAt = performance.now();
  /** The operation's name once resolved, "anonymous" for an unnamed one. */
  operationName: string | undefined;
  /** "query", "mutation" or "subscription", once resolved. */
  operationType: string | undefined;
  /** `extensions.code` of each error in the response, in order, without repeats. */
  errorCodes: string[] = [];
  /**
   * Organization of the caller (the API key's owner), never the key itself. Set by
   * `authenticateRequests`, which runs on every request before Apollo Server sees it.
   */
  callerOrganization: string | undefined;
  /** The request's SQL statements, recorded by the database handle of its context. */
  readonly sqlLog = new SqlStatementLog();
}
