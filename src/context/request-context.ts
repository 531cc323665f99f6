import type { DocumentNode, GraphQLError } from "graphql";
import { ANONYMOUS, type Caller } from "../auth/caller";
import { createLoaders, type Loaders } from "../loaders";
import { BATCHED, type Batching } from "../loaders/shared/batch";
import { type Database, type RequestDb, Transaction } from "../db/database";
import { SqlStatementLog } from "../db/sql-statement-log";
import { poolWriter, type Writer } from "../db/writer";
import type { RequestRecord } from "./request-record";

/** Write transactions as a request runs them: each one's statements recorded in the request's log. */
export interface RequestWriter {
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/**
 * What every resolver and service receives for one request. Built by `createRequestContext`
 * at the start of the request and dropped at its end; nothing in it outlives the request
 * except the database behind `db` and `writer`, which are the process's.
 */
export interface RequestContext {
  /** The process's database, through a handle that records this request's statements in `sqlLog`. */
  db: RequestDb;
  /** Runs write transactions (serialised on SQLite). */
  writer: RequestWriter;
  /** Made on first use, family by family: a point lookup builds one, not all of them. */
  loaders: Loaders;
  /** Who sends the request. */
  caller: Caller;
  /** SQL statements issued so far by this request (all subgraphs included). */
  sqlLog: SqlStatementLog;
  /** The HTTP request's record (log line, metrics), when the request came over HTTP. */
  record?: RequestRecord;
  /** Validates a document against the API schema this process serves (trusted-document registration); absent outside a server. */
  validateDocument?: (document: DocumentNode) => readonly GraphQLError[];
}

export interface RequestContextOptions {
  caller?: Caller;
  /** Default: transactions straight on the database's DataSource (fine for PostgreSQL and for one request at a time). */
  writer?: Writer;
  /** How the loaders fetch. Default BATCHED; NAIVE only for the benchmark's variant without DataLoader. */
  batching?: Batching;
  /** Where the request's statements are recorded. Default: the record's log, or a new one. */
  sqlLog?: SqlStatementLog;
  record?: RequestRecord;
  validateDocument?: (document: DocumentNode) => readonly GraphQLError[];
}

export function createRequestContext(database: Database, options: RequestContextOptions = {}): RequestContext {
  const sqlLog = options.sqlLog ?? options.record?.sqlLog ?? new SqlStatementLog();
  const db = database.forRequest(sqlLog);
  const writer = options.writer ?? poolWriter(database);
  return {
    db,
    writer: { transaction: (work) => writer.transaction((manager) => work(new Transaction(manager, database.engine, sqlLog))) },
    loaders: createLoaders(db, options.batching ?? BATCHED),
    caller: options.caller ?? ANONYMOUS,
    sqlLog,
    record: options.record,
    validateDocument: options.validateDocument,
  };
}
