import type { Reader } from "../reader";
import { type ReadErrorLog, recorded } from "./recorded";

/** Distinct statement texts kept prepared: our reads are a fixed set of texts. */
export const MAX_PREPARED_SQLITE = 1000;

/** The part of a better-sqlite3 connection reads need. */
export interface SqliteConnection {
  prepare(text: string): { all(...params: unknown[]): unknown[] };
}

/** Parameters as SQLite binds them: booleans as 0/1, as TypeORM binds them. */
export const sqliteParams = (params: unknown[]): unknown[] => params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));

/**
 * Reads straight on better-sqlite3's main connection (TypeORM's), each statement text prepared
 * once: TypeORM's query runner adds a runner object, several awaits and two broadcasts around
 * every statement, as much CPU as a short indexed read itself. Synchronous, on the event loop.
 * Used for a `:memory:` database (which exists only on this connection), with
 * DATABASE_READ_WORKER=false, and by the worker reader once its thread has stopped. Writes have
 * their own connection (src/db/writer.ts).
 */
export class SqliteMainReader implements Reader {
  readonly engine = "sqlite";
  readonly kind = "sqlite-main";
  private readonly statements = new Map<string, { all(...params: unknown[]): unknown[] }>();

  constructor(
    private readonly connection: SqliteConnection,
    private readonly logError: ReadErrorLog,
  ) {}

  read<T>(text: string, params: unknown[]): T[] {
    return recorded(this.engine, this.logError, text, params, () => {
      let statement = this.statements.get(text);
      if (!statement) {
        statement = this.connection.prepare(text);
        if (this.statements.size < MAX_PREPARED_SQLITE) this.statements.set(text, statement);
      }
      return statement.all(...sqliteParams(params)) as T[];
    }) as T[];
  }

  /** The file answers on this connection (synchronous: nothing is ever queued ahead of it). */
  async ping(): Promise<void> {
    this.connection.prepare("SELECT 1").all();
  }

  async close(): Promise<void> {
    this.statements.clear();
  }
}
