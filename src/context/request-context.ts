import type { DataSource } from "typeorm";
import { createLoaders, type Loaders } from "../loaders";
import { BATCHED, type Batching } from "../loaders/batch";
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
}

export function createRequestContext(db: DataSource, batching: Batching = BATCHED): RequestContext {
  return { db, loaders: createLoaders(db, batching), sqlLog: currentSqlLog() ?? new SqlStatementLog() };
}
