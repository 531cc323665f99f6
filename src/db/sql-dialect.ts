import { DataSource, type EntityManager } from "typeorm";
import type { Engine } from "./reader";
import type { SqlTarget } from "./sql-target";

/**
 * What raw SQL may run on: a SqlTarget (the Database, a request's handle, a Transaction), or a
 * TypeORM EntityManager or DataSource, which seeds, importers and tools write through.
 */
export type SqlRunner = SqlTarget | EntityManager | DataSource;

/** The engine a runner talks to. */
export function engineOf(db: SqlRunner): Engine {
  if ("engine" in db) return db.engine;
  const connection = db instanceof DataSource ? db : db.connection;
  return connection.driver.options.type === "postgres" ? "postgres" : "sqlite";
}

/** True when the runner talks to PostgreSQL (otherwise SQLite). */
export function isPostgres(db: SqlRunner): boolean {
  return engineOf(db) === "postgres";
}

/** A boolean as a bound parameter: PostgreSQL takes booleans, SQLite stores 0/1. */
export function bool(db: SqlRunner, value: boolean): boolean | number {
  return isPostgres(db) ? value : value ? 1 : 0;
}

/** Statement texts whose PostgreSQL form is remembered: ours are a fixed set of texts. */
const MAX_BOUND_TEXTS = 1000;
const boundTexts = new Map<string, string>();

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
    // A bound keeps an unexpected variety of texts from growing the map.
    if (boundTexts.size < MAX_BOUND_TEXTS) boundTexts.set(sql, bound);
  }
  return bound;
}

/** `?, ?, ?` for an IN list of `count` values. */
export function markers(count: number): string {
  return new Array(count).fill("?").join(", ");
}

/**
 * Runs SQL written with `?` markers on either engine and returns the rows (those of RETURNING
 * for writes). On a SqlTarget, reads outside a transaction go through the database's reader
 * (src/db/reader.ts), writes and transactions through TypeORM: the target decides, and records
 * the statement in its log. An EntityManager or DataSource (seeds, importers, tools) runs it
 * through TypeORM. `keyed`: a short lookup by keys (a loader's batch).
 */
export function sql<T = Record<string, unknown>>(db: SqlRunner, text: string, params: unknown[] = [], keyed = false): Promise<T[]> {
  if (!("run" in db)) {
    const engine = engineOf(db);
    const bound = bindMarkers(text, engine === "postgres");
    return (db.query(bound, params) as Promise<unknown>).then((result) => rowsOf<T>(engine, bound, result));
  }
  const bound = bindMarkers(text, db.engine === "postgres");
  db.log?.statements.push(bound);
  try {
    const rows = db.run<T>(bound, params, keyed);
    return rows instanceof Promise ? rows : Promise.resolve(rows);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Plain SELECTs only: a WITH may hide a write (`WITH … INSERT`), which must never reach a replica or the read worker. */
export const READ = /^\s*SELECT\b/i;

/**
 * TypeORM's PostgreSQL driver answers UPDATE and DELETE with `[rows, rowCount]`: unwrapped here
 * so that callers see rows on both engines.
 */
export function rowsOf<T>(engine: Engine, text: string, result: unknown): T[] {
  if (engine === "postgres" && /^\s*(UPDATE|DELETE)\b/i.test(text) && Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") {
    return result[0] as T[];
  }
  return result as T[];
}
