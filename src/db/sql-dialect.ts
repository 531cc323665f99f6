import type { DataSource, EntityManager } from "typeorm";

/** True when the connection talks to PostgreSQL (otherwise SQLite). */
export function isPostgres(db: DataSource | EntityManager): boolean {
  const connection = "connection" in db ? db.connection : db;
  return connection.driver.options.type === "postgres";
}

/**
 * Raw SQL is written once with `?` markers; PostgreSQL wants `$1, $2…`. Markers inside
 * string literals are not expected in our queries (values are always bound).
 */
export function bindMarkers(sql: string, postgres: boolean): string {
  if (!postgres) return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `?, ?, ?` for an IN list of `count` values. */
export function markers(count: number): string {
  return new Array(count).fill("?").join(", ");
}

/**
 * Runs raw SQL written with `?` markers on either engine and returns the rows (those of
 * RETURNING for writes). TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, rowCount]`; that is unwrapped here so callers see rows on both engines.
 */
export async function sql<T = Record<string, unknown>>(db: DataSource | EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const postgres = isPostgres(db);
  const result = await db.query(bindMarkers(text, postgres), params);
  if (postgres && /^\s*(UPDATE|DELETE)\b/i.test(text) && Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") {
    return result[0] as T[];
  }
  return result as T[];
}
