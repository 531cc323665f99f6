import type { DataSource } from "typeorm";
import { ANONYMOUS, type Caller } from "../auth/caller";
import { createLoaders, type Loaders } from "../loaders";
import { BATCHED, type Batching } from "../loaders/shared/batch";
import { SqlStatementLog, tagWithSqlLog, withSqlLog } from "../db/sql-statement-log";
import { poolWriter, type Writer } from "../db/writer";
import type { RequestRecord } from "./request-record";

/**
 * What every resolver and service receives for one request. Built by `createRequestContext`
 * at the start of the request and dropped at its end; nothing in it outlives the request
 * except the DataSource behind `db` and `writer`, which are the process's.
 */
export interface RequestContext {
  /** The process's DataSource, through a handle that records this request's statements in `sqlLog`. */
  db: DataSource;
  /** Runs write transactions (serialised on SQLite). */
  writer: Writer;
  /** Made on first use, family by family: a point lookup builds one, not all of them. */
  loaders: Loaders;
  /** Who sends the request. */
  caller: Caller;
  /** SQL statements issued so far by this request (all subgraphs included). */
  sqlLog: SqlStatementLog;
  /** The HTTP request's record (log line, metrics), when the request came over HTTP. */
  record?: RequestRecord;
}

export interface RequestContextOptions {
  caller?: Caller;
  /** Default: transactions straight on `db` (fine for PostgreSQL and for one request at a time). */
  writer?: Writer;
  /** How the loaders fetch. Default BATCHED; NAIVE only for the benchmark's variant without DataLoader. */
  batching?: Batching;
  /** Where the request's statements are recorded. Default: a new log. */
  sqlLog?: SqlStatementLog;
  record?: RequestRecord;
}

/** The writer, with each transaction's EntityManager tagged so that its statements land in the request's log. */
function loggedWriter(writer: Writer, log: SqlStatementLog): Writer {
  return {
    transaction: (work) =>
      writer.transaction((manager) => {
        tagWithSqlLog(manager, log);
        return work(manager);
      }),
    close: () => writer.close(),
  };
}

export function createRequestContext(db: DataSource, options: RequestContextOptions = {}): RequestContext {
  const sqlLog = options.sqlLog ?? options.record?.sqlLog ?? new SqlStatementLog();
  const handle = withSqlLog(db, sqlLog);
  return {
    db: handle,
    writer: loggedWriter(options.writer ?? poolWriter(db), sqlLog),
    loaders: createLoaders(handle, options.batching ?? BATCHED),
    caller: options.caller ?? ANONYMOUS,
    sqlLog,
    record: options.record,
  };
}
