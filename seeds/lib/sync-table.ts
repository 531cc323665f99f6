import type { EntityManager } from "typeorm";
import { bindMarkers, isPostgres as isPostgresDb } from "../../src/db/sql-dialect";

/** A row as column name → value, the way it is written to SQL. */
export type Row = Record<string, string | number | boolean | null>;

export interface SyncCounts {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
}

export interface SyncTableOptions {
  table: string;
  /** Primary-key columns. */
  key: string[];
  /** Every column written, key included. */
  columns: string[];
  /**
   * Delete rows of the table (restricted to `scope` when given) that are not in `rows`.
   * Default false: a seed adds and corrects, it never removes unless asked.
   */
  removeMissing?: boolean;
  /** SQL condition (with `?` markers) and parameters restricting which existing rows this sync owns. */
  scope?: { where: string; params: unknown[] };
}

/** Rows per INSERT: keeps under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK_ROWS = 400;

/**
 * Makes a table hold `rows`: inserts the missing ones, updates the ones that differ, leaves
 * equal ones alone, so running it twice changes nothing. Runs inside the caller's transaction.
 */
export async function syncTable(manager: EntityManager, rows: Row[], options: SyncTableOptions): Promise<SyncCounts> {
  const driver = manager.connection.driver;
  const isPostgres = isPostgresDb(manager);
  const id = (name: string) => driver.escape(name);
  // better-sqlite3 binds numbers, not booleans.
  const bind = (value: unknown) => (typeof value === "boolean" && !isPostgres ? (value ? 1 : 0) : value);
  const keyOf = (row: Record<string, unknown>) => options.key.map((k) => String(row[k])).join("\u0000");
  const comparable = (value: unknown) => (value === null || value === undefined ? "\u0001null" : String(value === true ? 1 : value === false ? 0 : value));

  const where = options.scope ? ` WHERE ${options.scope.where}` : "";
  const existing: Record<string, unknown>[] = await manager.query(
    bindMarkers(`SELECT ${options.columns.map(id).join(", ")} FROM ${id(options.table)}${where}`, isPostgres),
    options.scope?.params ?? [],
  );
  const existingByKey = new Map(existing.map((row) => [keyOf(row), row]));

  const toWrite: Row[] = [];
  const counts: SyncCounts = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  const seen = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) throw new Error(`${options.table}: duplicate key ${key.replace(/\u0000/g, "/")}`);
    seen.add(key);
    const before = existingByKey.get(key);
    if (!before) {
      counts.added++;
      toWrite.push(row);
    } else if (options.columns.some((c) => comparable(before[c]) !== comparable(row[c]))) {
      counts.changed++;
      toWrite.push(row);
    } else {
      counts.unchanged++;
    }
  }

  // Removals first, so that a row moving between keys (a commune changing EPCI) never trips a unique index.
  if (options.removeMissing) {
    const stale = existing.filter((row) => !seen.has(keyOf(row)));
    for (let i = 0; i < stale.length; i += CHUNK_ROWS) {
      const chunk = stale.slice(i, i + CHUNK_ROWS);
      const params: unknown[] = [];
      const conditions = chunk.map((row) => {
        const parts = options.key.map((k) => {
          params.push(row[k]);
          return `${id(k)} = ${isPostgres ? `$${params.length}` : "?"}`;
        });
        return `(${parts.join(" AND ")})`;
      });
      await manager.query(`DELETE FROM ${id(options.table)} WHERE ${conditions.join(" OR ")}`, params);
    }
    counts.removed = stale.length;
  }

  const updatable = options.columns.filter((c) => !options.key.includes(c));
  const onConflict =
    updatable.length > 0
      ? `ON CONFLICT (${options.key.map(id).join(", ")}) DO UPDATE SET ${updatable.map((c) => `${id(c)} = excluded.${id(c)}`).join(", ")}`
      : `ON CONFLICT (${options.key.map(id).join(", ")}) DO NOTHING`;
  for (let i = 0; i < toWrite.length; i += CHUNK_ROWS) {
    const chunk = toWrite.slice(i, i + CHUNK_ROWS);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = options.columns.map((c) => {
        params.push(bind(row[c] ?? null));
        return isPostgres ? `$${params.length}` : "?";
      });
      return `(${marks.join(", ")})`;
    });
    await manager.query(
      `INSERT INTO ${id(options.table)} (${options.columns.map(id).join(", ")}) VALUES ${tuples.join(", ")} ${onConflict}`,
      params,
    );
  }

  return counts;
}
