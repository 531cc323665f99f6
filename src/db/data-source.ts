import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import type { Pool } from "pg";
import { DataSource, type DataSourceOptions } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { type AppConfig, type DatabaseConfig, DEFAULT_CONFIG } from "../config/config";
import { ENTITIES } from "../entities";
import { MIGRATIONS } from "./migrations";
import { closeReadPipelines } from "./read-pipeline";
import { setReadPipelineSize, setSqliteReadWorker } from "./sql-dialect";
import { SqliteReadWorker } from "./sqlite-read-worker";
import { SqlStatementEndSubscriber, SqlStatementLogger } from "./sql-statement-log";

/** PostgreSQL pool size and timeouts, SQLite's read worker; each one left out takes its default from src/config/config.ts. */
export type DataSourceTuning = Partial<AppConfig["databaseTuning"]>;

/** Builds (does not open) the DataSource for SQLite or PostgreSQL; same entities, same migrations. */
export function createDataSource(config: DatabaseConfig, given: DataSourceTuning = {}): DataSource {
  const tuning = { ...DEFAULT_CONFIG.databaseTuning, ...given };
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logger: new SqlStatementLogger(),
    subscribers: [SqlStatementEndSubscriber] as Function[],
  } as const;
  let options: DataSourceOptions;
  if (config.kind === "sqlite") {
    if (config.path !== ":memory:") fs.mkdirSync(path.dirname(config.path), { recursive: true });
    options = {
      ...common,
      type: "better-sqlite3",
      database: config.path,
      enableWAL: config.path !== ":memory:",
      // Wait for a concurrent writer (another process, e.g. `npm run seed`) instead of failing at once.
      timeout: 5000,
      statementCacheSize: 500,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        // NORMAL in WAL mode survives a process crash (not a power loss) and is ~10x faster than FULL.
        db.pragma("synchronous = NORMAL");
        db.pragma("foreign_keys = ON");
      },
    };
  } else {
    options = {
      ...common,
      type: "postgres",
      // With replicas, TypeORM keeps one pool per server: writes and transactions on the primary.
      ...(config.replicaUrls?.length ? { replication: { master: { url: config.url }, slaves: config.replicaUrls.map((url) => ({ url })) } } : { url: config.url }),
      poolSize: tuning.poolSize,
      connectTimeoutMS: tuning.connectTimeoutMs,
      extra: {
        statement_timeout: tuning.statementTimeoutMs,
        connectionTimeoutMillis: tuning.connectTimeoutMs,
      },
    };
  }
  const db = new DataSource(options);
  if (config.kind === "postgres") withReadPipeline(db, tuning.readPipelineConnections);
  return db;
}

/** Keyed reads go through a read pipeline (src/db/read-pipeline.ts), whose connections close with the DataSource. */
function withReadPipeline(db: DataSource, size: number): void {
  setReadPipelineSize(db, size);
  closeBeforeDestroy(db, () => {
    const driver = db.driver as PostgresDriver;
    return closeReadPipelines([driver.master, ...driver.slaves].filter((pool): pool is Pool => pool !== undefined));
  });
}

/** Runs `close` (connections of our own beside TypeORM's) whenever the DataSource is destroyed, before TypeORM closes its own. */
function closeBeforeDestroy(db: DataSource, close: () => Promise<void>): void {
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await close();
    return destroy();
  };
}

/** Opens the DataSource and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig, tuning?: DataSourceTuning): Promise<DataSource> {
  const db = createDataSource(config, tuning);
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  // A `:memory:` database exists only on its own connection: a worker could not open it.
  const readWorker = tuning?.readWorker ?? DEFAULT_CONFIG.databaseTuning.readWorker;
  if (config.kind === "sqlite" && config.path !== ":memory:" && readWorker) withReadWorker(db, config.path);
  return db;
}

/** Reads outside transactions answered by a worker thread on its own connection (src/db/sqlite-read-worker.ts), closed with the DataSource. */
function withReadWorker(db: DataSource, file: string): void {
  const worker = new SqliteReadWorker(file);
  setSqliteReadWorker(db, worker);
  closeBeforeDestroy(db, () => worker.close());
}
