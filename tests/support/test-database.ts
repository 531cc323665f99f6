import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../../src/config/config";
import { openDatabase } from "../../src/db/data-source";
import { postgresUrlWithSchema } from "../../src/db/postgres-url";
import { seedAll } from "../../seeds/seed";

/** Which engine the suite runs on: TEST_DB=postgres runs it on PostgreSQL, otherwise SQLite. */
export const TEST_ENGINE: "sqlite" | "postgres" = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  db: DataSource;
  config: DatabaseConfig;
  /** Drops what the test created (the SQLite file or the PostgreSQL schema). */
  drop: () => Promise<void>;
}

/** A new empty database on the suite's engine, migrated, and seeded unless told otherwise. */
export async function createTestDatabase(options: { seed?: boolean; engine?: "sqlite" | "postgres" } = {}): Promise<TestDatabase> {
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if ((options.engine ?? TEST_ENGINE) === "postgres") {
    const schema = `test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    // Every test file gets its own tables.
    config = { kind: "postgres", url: postgresUrlWithSchema(TEST_POSTGRES_URL, schema) };
    cleanup = async () => {
      const c = new Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-test-"));
    config = { kind: "sqlite", path: path.join(dir, "test.sqlite") };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const db = await openDatabase(config);
  if (options.seed ?? true) await seedAll(db);
  return {
    db,
    config,
    drop: async () => {
      if (db.isInitialized) await db.destroy();
      await cleanup();
    },
  };
}
