import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { DatabaseConfig } from "../src/config/config";
import { PROJECT_ROOT } from "../src/config/project-root";
import { openDatabase } from "../src/db/database";
import { postgresUrlWithSchema } from "../src/db/postgres-url";
import { seedIfEmpty } from "../seeds/seed";
import { createApiKey, revokeApiKey } from "../src/auth/api-key.service";
import { Role } from "../src/auth/caller";
import { checkManifest, sha256Hex } from "../src/auth/trusted-documents";
import { storeTrustedDocuments } from "../src/services/shared/trusted-documents.service";
import { FAN_OUT_QUERY, FLAT_LIST_QUERY, HERO_QUERY, POINT_QUERY } from "./queries";

/** The benchmark's databases: one SQLite file and one PostgreSQL schema, seeded from the bundled data once. */
export interface BenchDatabases {
  sqliteUrl: string;
  /** Connection URL whose sessions use the benchmark schema (search_path). */
  postgresUrl: string;
  postgresSchema: string;
  sirens: string[];
  /** A partner's API key in the PostgreSQL database, for the contender that sends one. */
  postgresApiKey: string;
}

export const BENCH_SQLITE = path.join(PROJECT_ROOT, "bench", "tmp", "bench.sqlite");
export const BENCH_POSTGRES = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const BENCH_SCHEMA = process.env.BENCH_SCHEMA ?? "bench_territoire_sante";

async function seeded(config: DatabaseConfig, log: (line: string) => void): Promise<string[]> {
  const db = await openDatabase(config);
  try {
    if (await seedIfEmpty(db.dataSource)) log(`  seeded ${config.kind === "sqlite" ? config.path : BENCH_SCHEMA}`);
    const rows: { siren: string }[] = await db.query("SELECT siren FROM epci ORDER BY siren");
    return rows.map((r) => r.siren);
  } finally {
    await db.close();
  }
}

/**
 * A new partner key per run (the previous run's are revoked): only the key's hash is stored, so
 * it cannot be read back. The benchmark's query texts are registered as its trusted documents,
 * for the contender that sends them by documentId.
 */
async function benchApiKey(url: string, texts: string[]): Promise<string> {
  const db = await openDatabase({ kind: "postgres", url });
  try {
    const previous: { id: string }[] = await db.query("SELECT id FROM api_key WHERE label = 'benchmark' AND revoked_at IS NULL");
    for (const { id } of previous) await revokeApiKey(db, id);
    const { id, key } = await createApiKey(db, { organizationId: "mgen", role: Role.PARTNER, label: "benchmark" });
    const entries = checkManifest(Object.fromEntries(texts.map((t) => [sha256Hex(t), t])), () => []);
    await db.dataSource.transaction((manager) => storeTrustedDocuments(manager, { keyId: "cli", organizationId: "mgen" }, id, entries));
    return key;
  } finally {
    await db.close();
  }
}

/** Creates and seeds what is missing; a second run reuses both databases as they are. */
export async function prepareDatabases(log: (line: string) => void): Promise<BenchDatabases> {
  fs.mkdirSync(path.dirname(BENCH_SQLITE), { recursive: true });
  const sirens = await seeded({ kind: "sqlite", path: BENCH_SQLITE }, log);

  const admin = new Client({ connectionString: BENCH_POSTGRES });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${BENCH_SCHEMA}`);
  } finally {
    await admin.end();
  }
  const postgresUrl = postgresUrlWithSchema(BENCH_POSTGRES, BENCH_SCHEMA);
  const pgSirens = await seeded({ kind: "postgres", url: postgresUrl }, log);
  const postgresApiKey = await benchApiKey(postgresUrl, [HERO_QUERY, FLAT_LIST_QUERY, POINT_QUERY, FAN_OUT_QUERY]);
  if (pgSirens.join() !== sirens.join()) throw new Error("the SQLite and PostgreSQL benchmark databases hold different EPCI");

  // PostGraphile's computed columns (hero query), then fresh planner statistics for every contender.
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(fs.readFileSync(path.join(PROJECT_ROOT, "bench", "postgraphile", "computed-columns.sql"), "utf8"));
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1", [BENCH_SCHEMA]);
    for (const { tablename } of tables.rows) await client.query(`ANALYZE ${BENCH_SCHEMA}.${tablename}`);
  } finally {
    await client.end();
  }
  return { sqliteUrl: `sqlite:${BENCH_SQLITE}`, postgresUrl, postgresSchema: BENCH_SCHEMA, sirens, postgresApiKey };
}
