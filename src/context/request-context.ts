import type { DataSource } from "typeorm";
import { createLoaders, type Loaders } from "../loaders";
import { currentSqlLog, SqlStatementLog } from "../db/sql-statement-log";

/**
 * What every resolver and service receives for one request. Built by `createRequestContext`
 * at the start of the request and dropped at its end; nothing in it outlives the request.
 */
export interface RequestContext {
  db: DataSource;
  loaders: Loaders;
  /** SQL statements issued so far by this request (all subgraphs included). */
  sqlLog: SqlStatementLog;
  /**
   * Organization of the caller (the owner of the request's API key), for the request's log
   * line and metrics; absent for anonymous callers. Never the key itself.
   */
  callerOrganization?: string;
}

export function createRequestContext(db: DataSource): RequestContext {
  return { db, loaders: createLoaders(db), sqlLog: currentSqlLog() ?? new SqlStatementLog() };
}
