/** Which database engine a connection talks to. */
export type Engine = "postgres" | "sqlite";

/**
 * How reads outside transactions reach the database: chosen once, when the database opens
 * (src/db/database.ts), and carried by the Database and each request's handle on it. Writes and
 * transactions go through TypeORM whatever the reader.
 *
 * - `postgres-pool`: a driver pool (a replica's, when there are some), named prepared statements,
 *   keyed reads through connections in pipeline mode (src/db/readers/postgres-pool.reader.ts);
 * - `sqlite-worker`: a worker thread with its own read-only connection on the file
 *   (src/db/readers/sqlite-worker.reader.ts), falling back to `sqlite-main` if it stops;
 * - `sqlite-main`: better-sqlite3's main connection, statements prepared once
 *   (src/db/readers/sqlite-main.reader.ts): a `:memory:` database, or DATABASE_READ_WORKER=false.
 */
export interface Reader {
  readonly engine: Engine;
  readonly kind: "postgres-pool" | "sqlite-worker" | "sqlite-main";
  /**
   * Runs one SELECT (`?` markers already bound to the engine's form) and returns its rows.
   * `keyed`: a short lookup by keys (a loader's batch), which may share a pipelined connection.
   * Synchronous on SQLite's main connection, a promise otherwise. Fails with TypeORM's
   * QueryFailedError, as a TypeORM read would.
   */
  read<T>(text: string, params: unknown[], keyed: boolean): T[] | Promise<T[]>;
  /**
   * `SELECT 1` for readiness, on a connection of its own, not behind the requests' reads (a pool
   * full under load, the worker's backlog): resolves when the database answers, rejects when it
   * cannot be reached or does not answer within its deadline.
   */
  ping(): Promise<void>;
  /** Ends what the reader opened of its own (pipelined connections, the worker thread, the readiness connection); TypeORM's pools stay. */
  close(): Promise<void>;
}
