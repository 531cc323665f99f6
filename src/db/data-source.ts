import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import { type AppConfig, type DatabaseConfig, DEFAULT_CONFIG } from "../config/config";
import { MIGRATIONS } from "./migrations";
import { DeadlineClient } from "./postgres-deadline";
import { SqlStatementEndSubscriber, SqlStatementLogger } from "./sql-statement-log";

/** PostgreSQL pool size and timeouts, SQLite's read worker; each one left out takes its default from src/config/config.ts. */
export type DataSourceTuning = Partial<AppConfig["databaseTuning"]>;

/**
 * Builds (does not open) TypeORM's DataSource for SQLite or PostgreSQL: migrations, writes and
 * transactions run through it. No entities are registered: nothing reads through TypeORM's
 * repositories, each table is described by its migration and read through its row mapper
 * (src/db/rows), and tests/schema/table-descriptions.test.ts checks that the two agree.
 */
export function createDataSource(config: DatabaseConfig, given: DataSourceTuning = {}): DataSource {
  const tuning = { ...DEFAULT_CONFIG.databaseTuning, ...given };
  const common = {
    entities: [] as Function[],
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
        // Also bounds the wait for a free connection when every one is in use.
        connectionTimeoutMillis: tuning.connectTimeoutMs,
        // The client-side deadline of every statement, kept by dropping the connection (src/db/postgres-deadline.ts).
        query_timeout: tuning.queryTimeoutMs,
        // A transaction whose client went silent (its connection dropped after a deadline, or cut off) is rolled back by
        // the server after this, its locks released, instead of waiting for the TCP connection to die.
        idle_in_transaction_session_timeout: 2 * tuning.queryTimeoutMs,
        Client: DeadlineClient,
      },
    };
  }
  return new DataSource(options);
}
