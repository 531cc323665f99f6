import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { publishTemplates, ROOT, seedWithCli, templateSqlitePath } from "./templates";

const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Before the suite: the compiled code is built (tests that start the real server as a child
 * process run it; incremental, a few seconds when little changed), then the seeded template
 * databases are made once (tests/support/templates.ts).
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
  const sqlite = templateSqlitePath();
  fs.rmSync(sqlite, { force: true });
  seedWithCli(`sqlite:${sqlite}`);
  let postgres: string | undefined;
  if (process.env.TEST_DB === "postgres") {
    postgres = `ts_template_${process.pid}`;
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${postgres}`);
      await admin.query(`CREATE DATABASE ${postgres}`);
    } finally {
      await admin.end();
    }
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${postgres}`;
    seedWithCli(url.toString());
  }
  publishTemplates({ sqlite, postgres });
}
