import type { DataSource } from "typeorm";
import { ANONYMOUS, type Caller } from "../auth/caller";
import { createLoaders, type Loaders } from "../loaders";
import { BATCHED, type Batching } from "../loaders/shared/batch";
import { currentSqlLog, SqlStatementLog } from "../db/sql-statement-log";
import { poolWriter, type Writer } from "../db/writer";

/**
 * What every resolver and service receives for one request. Built by `createRequestContext`
 * at the start of the request and dropped at its end; nothing in it outlives the request
 * except `db` and `writer`, which are the process's.
 */
export interface RequestContext {
  db: DataSource;
  /** Runs write transactions (serialised on SQLite). */
  writer: Writer;
  loaders: Loaders;
  /** Who sends the request. */
  caller: Caller;
  /** SQL statements issued so far by this request (all subgraphs included). */
  sqlLog: SqlStatementLog;
}

export interface RequestContextOptions {
  caller?: Caller;
  /** Default: transactions straight on `db` (fine for PostgreSQL and for one request at a time). */
  writer?: Writer;
  /** How the loaders fetch. Default BATCHED; NAIVE only for the benchmark's variant without DataLoader. */
  batching?: Batching;
}

export function createRequestContext(db: DataSource, options: RequestContextOptions = {}): RequestContext {
  return {
    db,
    writer: options.writer ?? poolWriter(db),
    loaders: createLoaders(db, options.batching ?? BATCHED),
    caller: options.caller ?? ANONYMOUS,
    sqlLog: currentSqlLog() ?? new SqlStatementLog(),
  };
}
