import { DEFAULT_CONFIG } from "../config/config";
import { isPostgres } from "./sql-dialect";
import type { Database } from "./database";

export interface PoolStats {
  /** Connections the pool may open. */
  max: number;
  /** Connections running a statement or held by a transaction. */
  inUse: number;
  idle: number;
  /** Callers waiting for a connection: above 0 for long, the pool is too small or the database too slow. */
  waiting: number;
}

/** Minimal view of node-postgres' Pool, which TypeORM keeps as `driver.master`. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/**
 * The connection pool's state now. SQLite has one connection, used synchronously: a statement
 * never waits for it and it is never seen busy from outside a statement.
 */
export function poolStats(db: Database): PoolStats {
  if (!isPostgres(db)) return { max: 1, inUse: 0, idle: db.isOpen ? 1 : 0, waiting: 0 };
  const pool = (db.dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return { max: 0, inUse: 0, idle: 0, waiting: 0 };
  return { max: pool.options.max ?? DEFAULT_CONFIG.databaseTuning.poolSize, inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
