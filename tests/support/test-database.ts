import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import type { Database } from "../../src/db/database";
import { CONFIG_VARIABLES, type DatabaseConfig } from "../../src/config/config";
import { openDatabase } from "../../src/db/database";
import { postgresUrlWithSchema } from "../../src/db/postgres-url";
import { seedAll } from "../../seeds/seed";
import { templates } from "./templates";

/** Which engine the suite runs on: TEST_DB=postgres runs it on PostgreSQL, otherwise SQLite. */
export const TEST_ENGINE: "sqlite" | "postgres" = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  db: Database;
  config: DatabaseConfig;
  /** Drops what the test created (the SQLite file or the PostgreSQL schema). */
  drop: () => Promise<void>;
}

/**
 * A new database on the suite's engine, migrated, and seeded unless told otherwise. A seeded one
 * is a copy of the run's template (tests/support/templates.ts): the SQLite file copied, or a
 * PostgreSQL database created from the template database.
 */
export async function createTestDatabase(options: { seed?: boolean; engine?: "sqlite" | "postgres"; readWorker?: boolean } = {}): Promise<TestDatabase> {
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  const seed = options.seed ?? true;
  const template = seed ? templates() : undefined;
  let seeded = false;
  if ((options.engine ?? TEST_ENGINE) === "postgres") {
    const id = `test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      if (template?.postgres) {
        await admin.query(`CREATE DATABASE ${id} TEMPLATE ${template.postgres}`);
        const url = new URL(TEST_POSTGRES_URL);
        url.pathname = `/${id}`;
        config = { kind: "postgres", url: url.toString() };
        seeded = true;
        cleanup = () => dropDatabase(id);
      } else {
        // Every test file gets its own tables.
        await admin.query(`CREATE SCHEMA ${id}`);
        config = { kind: "postgres", url: postgresUrlWithSchema(TEST_POSTGRES_URL, id) };
        cleanup = () => dropSchema(id);
      }
    } finally {
      await admin.end();
    }
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-test-"));
    config = { kind: "sqlite", path: path.join(dir, "test.sqlite") };
    if (template) {
      fs.copyFileSync(template.sqlite, config.path);
      seeded = true;
    }
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  // DATABASE_READ_WORKER=false (npm run test:monolith) runs the suite on SQLite's main-connection reader,
  // except where a test asks for one reader in particular.
  const db = await openDatabase(config, { readWorker: options.readWorker ?? CONFIG_VARIABLES.readWorker.read(process.env.DATABASE_READ_WORKER) });
  if (seed && !seeded) await seedAll(db.dataSource);
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      await cleanup();
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  const c = new Client({ connectionString: TEST_POSTGRES_URL });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

async function dropSchema(name: string): Promise<void> {
  const c = new Client({ connectionString: TEST_POSTGRES_URL });
  await c.connect();
  await c.query(`DROP SCHEMA ${name} CASCADE`);
  await c.end();
}
