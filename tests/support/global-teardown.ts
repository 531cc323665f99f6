import fs from "node:fs";
import { Client } from "pg";
import { templates } from "./templates";

/** After the suite: the template databases are dropped. */
export default async function globalTeardown(): Promise<void> {
  const made = templates();
  if (!made) return;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${made.sqlite}${suffix}`, { force: true });
  if (made.postgres) {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${made.postgres} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
