import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

/**
 * The seeded databases every test file starts from, made once per run by the global setup
 * (tests/support/global-setup.ts) and copied per test file (tests/support/test-database.ts):
 * seeding the bundled data takes seconds, a copy a fraction of that.
 */
export interface Templates {
  /** An SQLite file, seeded: copied for each test file. */
  sqlite: string;
  /** A PostgreSQL database, seeded (TEST_DB=postgres only): each test file's database is created from it. */
  postgres?: string;
}

const VARIABLE = "TEST_TEMPLATES";

/** Where the global setup says the templates are (the workers inherit its environment). */
export function templates(): Templates | undefined {
  const text = process.env[VARIABLE];
  return text ? (JSON.parse(text) as Templates) : undefined;
}

export function publishTemplates(made: Templates): void {
  process.env[VARIABLE] = JSON.stringify(made);
}

export const ROOT = path.join(__dirname, "../..");

/** Seeds a database with the built seed command (`npm run seed`), as a user would. */
export function seedWithCli(databaseUrl: string): void {
  execFileSync(process.execPath, [path.join(ROOT, "dist/seeds/seed.cli.js")], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
}

export function templateSqlitePath(): string {
  return path.join(os.tmpdir(), `territoire-sante-template-${process.pid}.sqlite`);
}
