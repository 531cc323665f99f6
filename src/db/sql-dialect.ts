import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { DataSource, type EntityManager, QueryFailedError } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { readPipelineOf } from "./read-pipeline";
import type { SqliteReadWorker } from "./sqlite-read-worker";
import { sqlLogOf, statementStarted } from "./sql-statement-log";

/** True when the connection talks to PostgreSQL (otherwise SQLite). */
export function isPostgres(db: DataSource | EntityManager): boolean {
  const connection = "connection" in db ? db.connection : db;
  return connection.driver.options.type === "postgres";
}

/** A boolean as a bound parameter: PostgreSQL takes booleans, SQLite stores 0/1. */
export function bool(db: DataSource | EntityManager, value: boolean): boolean | number {
  return isPostgres(db) ? value : value ? 1 : 0;
}

/**
 * Raw SQL is written once with `?` markers; PostgreSQL wants `$1, $2…`. Markers inside
 * string literals are not expected in our queries (values are always bound).
 */
export function bindMarkers(sql: string, postgres: boolean): string {
  if (!postgres) return sql;
  let bound = boundTexts.get(sql);
  if (bound === undefined) {
    let n = 0;
    bound = sql.replace(/\?/g, () => `$${++n}`);
    // Our statements are a fixed set of texts; a bound keeps an unexpected variety from growing the map.
    if (boundTexts.size < MAX_PREPARED) boundTexts.set(sql, bound);
  }
  return bound;
}
const boundTexts = new Map<string, string>();

/** `?, ?, ?` for an IN list of `count` values. */
export function markers(count: number): string {
  return new Array(count).fill("?").join(", ");
}

/** Names of the PostgreSQL prepared statements, by statement text (bounded: our reads are a fixed set of texts). */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 1000;

function preparedName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `ts_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

let nextReplica = 0;

/** The pool reads go to: a replica, round-robin, when there are some (DATABASE_REPLICA_URLS); else the primary. */
function readPool(driver: PostgresDriver): Pool {
  const replicas = driver.slaves as Pool[];
  return replicas.length > 0 ? replicas[nextReplica++ % replicas.length] : (driver.master as Pool);
}

/** Connections in pipeline mode for keyed reads, per driver (src/db/read-pipeline.ts); 0: none. */
const pipelineSizes = new WeakMap<object, number>();
export function setReadPipelineSize(db: DataSource, size: number): void {
  pipelineSizes.set(db.driver, size);
}

/**
 * Reads on PostgreSQL outside a transaction go straight to a driver pool (a replica's when
 * there are replicas) as named prepared statements: each connection parses and plans a
 * statement once instead of on every request, and TypeORM's query runner (a pool checkout per
 * statement) is skipped. Keyed reads (`keyed`: the loaders' batches) go through the pool's read
 * pipeline when there is one. They are recorded like TypeORM's (request log, metrics, spans) and
 * fail with the same QueryFailedError. Writes, and anything run in a transaction (an
 * EntityManager), go through TypeORM, to the primary.
 */
function readOnPostgresPool<T>(db: DataSource, text: string, params: unknown[], keyed: boolean): Promise<T[]> {
  const pool = readPool(db.driver as PostgresDriver);
  const config = { name: preparedName(text), text, values: params };
  const pipeline = keyed ? readPipelineOf(pool, pipelineSizes.get(db.driver) ?? 0) : undefined;
  return recorded(db, text, params, "postgres", () => (pipeline ? pipeline.query(config) : pool.query(config)).then((result) => result.rows as T[]));
}

/**
 * Runs a read that bypasses TypeORM as TypeORM's own are seen: the listeners (metrics, spans)
 * told of its start and end, a failure logged and raised as TypeORM's QueryFailedError. A
 * synchronous read (better-sqlite3) stays synchronous.
 */
function recorded<T>(db: DataSource, text: string, params: unknown[], engine: string, run: () => Promise<T[]>): Promise<T[]>;
function recorded<T>(db: DataSource, text: string, params: unknown[], engine: string, run: () => T[] | Promise<T[]>): T[] | Promise<T[]>;
function recorded<T>(db: DataSource, text: string, params: unknown[], engine: string, run: () => T[] | Promise<T[]>): T[] | Promise<T[]> {
  const ends = statementStarted(text, engine);
  const done = (rows: T[]) => {
    for (const end of ends) end();
    return rows;
  };
  const failed = (error: Error): never => {
    for (const end of ends) end(error);
    db.logger.logQueryError(error, text, params);
    throw new QueryFailedError(text, params, error);
  };
  try {
    const rows = run();
    return rows instanceof Promise ? rows.then(done, failed) : done(rows);
  } catch (error) {
    return failed(error as Error);
  }
}

/** Parameters as SQLite binds them: booleans as 0/1, as TypeORM binds them. */
const sqliteParams = (params: unknown[]) => params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));

/** The part of a better-sqlite3 connection reads need. */
interface SqliteConnection {
  prepare(text: string): { all(...params: unknown[]): unknown[] };
}
const sqliteStatements = new WeakMap<SqliteConnection, Map<string, { all(...params: unknown[]): unknown[] }>>();

/**
 * Reads on SQLite outside a transaction run on the read worker when there is one (an SQLite
 * file, DATABASE_READ_WORKER: src/db/sqlite-read-worker.ts). Otherwise, or should the worker ever
 * stop, they run straight on better-sqlite3's main connection (writes have their own:
 * src/db/writer.ts), each statement text prepared once: TypeORM's query runner adds a runner
 * object, several awaits and two broadcasts around every statement, as much CPU as a short
 * indexed read itself. Recorded and failing as `readOnPostgresPool` does; booleans bound as 0/1
 * as TypeORM binds them. Writes and transactions go through TypeORM.
 */
function readOnSqlite<T>(db: DataSource, text: string, params: unknown[]): T[] | Promise<T[]> {
  const worker = readWorkers.get(db.driver);
  if (worker?.usable) return recorded(db, text, params, "better-sqlite3", () => worker.query<T>(text, sqliteParams(params)));
  const connection = (db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  let statements = sqliteStatements.get(connection);
  if (!statements) {
    statements = new Map();
    sqliteStatements.set(connection, statements);
  }
  const known = statements;
  return recorded(db, text, params, "better-sqlite3", () => {
    let statement = known.get(text);
    if (!statement) {
      statement = connection.prepare(text);
      if (known.size < MAX_PREPARED) known.set(text, statement);
    }
    return statement.all(...sqliteParams(params)) as T[];
  });
}

/** SQLite read workers, per driver (src/db/sqlite-read-worker.ts); none: reads run on the main connection. */
const readWorkers = new WeakMap<object, SqliteReadWorker>();
export function setSqliteReadWorker(db: DataSource, worker: SqliteReadWorker): void {
  readWorkers.set(db.driver, worker);
}
export function sqliteReadWorkerOf(db: DataSource): SqliteReadWorker | undefined {
  return readWorkers.get(db.driver);
}

/** Plain SELECTs only: a WITH may hide a write (`WITH … INSERT`), which must never reach a replica. */
const READ = /^\s*SELECT\b/i;

/**
 * Runs raw SQL written with `?` markers on either engine and returns the rows (those of
 * RETURNING for writes). TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, rowCount]`; that is unwrapped here so callers see rows on both engines.
 */
export async function sql<T = Record<string, unknown>>(db: DataSource | EntityManager, text: string, params: unknown[] = [], keyed = false): Promise<T[]> {
  const postgres = isPostgres(db);
  const bound = bindMarkers(text, postgres);
  sqlLogOf(db)?.statements.push(bound);
  if (db instanceof DataSource && READ.test(text)) {
    return postgres ? readOnPostgresPool<T>(db, bound, params, keyed) : readOnSqlite<T>(db, bound, params);
  }
  const result = await db.query(bound, params);
  if (postgres && /^\s*(UPDATE|DELETE)\b/i.test(text) && Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") {
    return result[0] as T[];
  }
  return result as T[];
}
