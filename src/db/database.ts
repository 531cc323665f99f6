import type { Pool } from "pg";
import type { DataSource, EntityManager } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { type DatabaseConfig, DEFAULT_CONFIG } from "../config/config";
import { createDataSource, type DataSourceTuning } from "./data-source";
import { checkSqliteFile, postgresOpenProblem } from "./open-checks";
import { isDatabaseTimeout } from "../errors/format-error";
import type { Engine, Reader } from "./reader";
import { PostgresPoolReader } from "./readers/postgres-pool.reader";
import type { ReadErrorLog } from "./readers/recorded";
import { type SqliteConnection, SqliteMainReader } from "./readers/sqlite-main.reader";
import { SqliteWorkerReader } from "./readers/sqlite-worker.reader";
import { READ, rowsOf } from "./sql-dialect";
import type { SqlStatementLog } from "./sql-statement-log";
import type { SqlTarget } from "./sql-target";

/** A statement through TypeORM (a write, or anything in a transaction), rows unwrapped alike on both engines. */
async function throughTypeOrm<T>(runner: DataSource | EntityManager, engine: Engine, text: string, params: unknown[]): Promise<T[]> {
  return rowsOf<T>(engine, text, await runner.query(text, params));
}

/**
 * The process's database: TypeORM's DataSource (migrations, writes, transactions) and the reader
 * chosen for reads outside transactions (src/db/reader.ts), opened together and closed together.
 * Requests use it through `forRequest`, which records their statements in their own log.
 */
export class Database implements SqlTarget {
  readonly engine: Engine;

  constructor(
    readonly dataSource: DataSource,
    readonly reader: Reader,
    readonly config: DatabaseConfig,
    /** How long a statement's answer is waited for (DATABASE_QUERY_TIMEOUT_MS). */
    readonly queryTimeoutMs: number = DEFAULT_CONFIG.databaseTuning.queryTimeoutMs,
  ) {
    this.engine = reader.engine;
  }

  run<T>(text: string, params: unknown[], keyed: boolean): T[] | Promise<T[]> {
    return READ.test(text) ? this.reader.read<T>(text, params, keyed) : throughTypeOrm<T>(this.dataSource, this.engine, text, params);
  }

  /** Raw SQL through TypeORM, for tools and tests (no reader, no log): `?` markers on SQLite, `$n` on PostgreSQL. */
  query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(text, params) as Promise<T[]>;
  }

  /** A handle whose statements go into `log` (a request's). */
  forRequest(log: SqlStatementLog): RequestDb {
    return new RequestDb(this, log);
  }

  /**
   * "ok" when the database answers `SELECT 1` within `withinMs`; "stalled" when it has not answered
   * by then, or the read hit its own deadline (no connection, or no answer, in time);
   * "unreachable" when it failed otherwise. Never waits longer than `withinMs` (readiness probes).
   */
  async ping(withinMs: number): Promise<"ok" | "stalled" | "unreachable"> {
    if (!this.isOpen) return "unreachable";
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"stalled">((resolve) => (timer = setTimeout(() => resolve("stalled"), withinMs)));
    // On the reader's readiness connection, with the requests' deadline, but not behind their reads.
    const asked = Promise.resolve()
      .then(() => this.reader.ping())
      .then(
        () => "ok" as const,
        (error: unknown) => (isDatabaseTimeout(error) || /timeout/i.test(String((error as Error)?.message)) ? ("stalled" as const) : ("unreachable" as const)),
      );
    try {
      return await Promise.race([asked, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** True until `close`. */
  get isOpen(): boolean {
    return this.dataSource.isInitialized;
  }

  /** Closes the reader's own connections (pipelines, the worker thread), then TypeORM's. */
  async close(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.reader.close();
    await this.dataSource.destroy();
  }
}

/** One request's handle on the database: the same reader and DataSource, its statements recorded in its log. */
export class RequestDb implements SqlTarget {
  readonly engine: Engine;

  constructor(
    private readonly database: Database,
    readonly log: SqlStatementLog,
  ) {
    this.engine = database.engine;
  }

  run<T>(text: string, params: unknown[], keyed: boolean): T[] | Promise<T[]> {
    return this.database.run<T>(text, params, keyed);
  }
}

/** A write transaction as `sql()` sees it: every statement on the transaction's connection, recorded in the request's log. */
export class Transaction implements SqlTarget {
  constructor(
    readonly manager: EntityManager,
    readonly engine: Engine,
    readonly log?: SqlStatementLog,
  ) {}

  run<T>(text: string, params: unknown[]): Promise<T[]> {
    return throughTypeOrm<T>(this.manager, this.engine, text, params);
  }
}

/** Chooses the reader for an opened DataSource: once, here. */
function chooseReader(db: DataSource, config: DatabaseConfig, tuning: Required<DataSourceTuning>): Reader {
  const logError: ReadErrorLog = (error, text, params) => db.logger.logQueryError(error, text, params);
  if (config.kind === "postgres") {
    const driver = db.driver as PostgresDriver;
    const replicas = driver.slaves as Pool[];
    return new PostgresPoolReader(replicas.length > 0 ? replicas : [driver.master as Pool], tuning.readPipelineConnections, logError);
  }
  const main = new SqliteMainReader((db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection, logError);
  // A `:memory:` database exists only on its own connection: a worker could not open it.
  if (config.path === ":memory:" || !tuning.readWorker) return main;
  return new SqliteWorkerReader(config.path, main, logError, tuning.queryTimeoutMs);
}

/**
 * Opens the database, applies pending migrations and chooses its reader. A DATABASE_URL that
 * does not lead to a usable database (an SQLite file that is not one, or cannot be read or
 * written; a PostgreSQL server that cannot be reached) fails with a one-line ConfigError, checked
 * before anything is written.
 */
export async function openDatabase(config: DatabaseConfig, given: DataSourceTuning = {}): Promise<Database> {
  const tuning = { ...DEFAULT_CONFIG.databaseTuning, ...given };
  if (config.kind === "sqlite") checkSqliteFile(config.path);
  const dataSource = createDataSource(config, tuning);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw (config.kind === "postgres" && postgresOpenProblem(config.url, error)) || error;
  }
  try {
    await dataSource.runMigrations({ transaction: "each" });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return new Database(dataSource, chooseReader(dataSource, config, tuning), config, tuning.queryTimeoutMs);
}
