import type { DataSource, EntityManager } from "typeorm";
import type { DatabaseConfig } from "../config/config";
import { createDataSource } from "./data-source";
import type { Database } from "./database";
import { PostgresWriter } from "./postgres-writer";

/** Runs write transactions. Every mutation goes through it. */
export interface Writer {
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What must happen once a write has committed and before it is acknowledged: drop cached reads. Never throws. */
export type AfterCommit = () => Promise<void>;

/**
 * The writer a server's requests use: each transaction of `writer`, then, once it has committed,
 * `afterCommit` (the response cache's invalidation), before the write is acknowledged, so that
 * no reader is served data older than a write it was told about. Every write goes through here,
 * so no write can forget it; a failed (rolled back) transaction drops nothing.
 */
export function invalidatingWriter(writer: Writer, afterCommit: AfterCommit): Writer {
  return {
    transaction: async (work) => {
      const result = await writer.transaction(work);
      await afterCommit();
      return result;
    },
    close: () => writer.close(),
  };
}

/**
 * Transactions straight on the database's DataSource. PostgreSQL: each on its own pooled
 * connection (concurrent ones are isolated by the server), within the statement deadline, saying
 * whether a write that timed out was applied (src/db/postgres-writer.ts). SQLite: fine for a
 * `:memory:` database or one request at a time (files get SqliteQueueWriter).
 */
export function poolWriter(db: Database): Writer {
  if (db.engine === "postgres") return new PostgresWriter(db.dataSource, db.queryTimeoutMs);
  return { transaction: (work) => db.dataSource.transaction(work), close: async () => {} };
}

/**
 * SQLite: TypeORM's better-sqlite3 driver has one connection shared by everything, so two
 * concurrent transactions would nest, and a read arriving between two statements of a write
 * would see (or lose, on rollback) uncommitted rows. Writes therefore get a connection of their
 * own and run one at a time, in arrival order; readers keep the main connection and, in WAL
 * mode, see only committed data.
 */
export class SqliteQueueWriter implements Writer {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly connection: DataSource) {}

  static async open(config: DatabaseConfig & { kind: "sqlite" }): Promise<SqliteQueueWriter> {
    const connection = createDataSource(config);
    await connection.initialize();
    return new SqliteQueueWriter(connection);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.connection.transaction(work));
    // The queue moves on whether this transaction commits or fails.
    this.tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.connection.isInitialized) await this.connection.destroy();
  }
}

export async function openWriter(db: Database, config: DatabaseConfig): Promise<Writer> {
  if (config.kind === "sqlite" && config.path !== ":memory:") return SqliteQueueWriter.open(config);
  return poolWriter(db);
}
