import { QueryFailedError } from "typeorm";
import { statementStarted } from "../sql-statement-log";
import type { Engine } from "../reader";

/** TypeORM's driver name for an engine, as its own statements report it to the listeners. */
const DRIVER: Record<Engine, string> = { postgres: "postgres", sqlite: "better-sqlite3" };

/** Where a failed read is logged (the DataSource's logger, as for TypeORM's own statements). */
export type ReadErrorLog = (error: Error, text: string, params: unknown[]) => void;

/**
 * Runs a read that bypasses TypeORM as TypeORM's own statements are seen: the listeners
 * (metrics, spans) told of its start and end, a failure logged and raised as TypeORM's
 * QueryFailedError. A synchronous read (better-sqlite3) stays synchronous.
 */
export function recorded<T>(engine: Engine, logError: ReadErrorLog, text: string, params: unknown[], run: () => Promise<T[]>): Promise<T[]>;
export function recorded<T>(engine: Engine, logError: ReadErrorLog, text: string, params: unknown[], run: () => T[] | Promise<T[]>): T[] | Promise<T[]>;
export function recorded<T>(engine: Engine, logError: ReadErrorLog, text: string, params: unknown[], run: () => T[] | Promise<T[]>): T[] | Promise<T[]> {
  const ends = statementStarted(text, DRIVER[engine]);
  const done = (rows: T[]) => {
    for (const end of ends) end();
    return rows;
  };
  const failed = (error: Error): never => {
    for (const end of ends) end(error);
    logError(error, text, params);
    throw new QueryFailedError(text, params, error);
  };
  try {
    const rows = run();
    return rows instanceof Promise ? rows.then(done, failed) : done(rows);
  } catch (error) {
    return failed(error as Error);
  }
}
