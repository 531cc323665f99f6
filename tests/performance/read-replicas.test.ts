import type { Pool } from "pg";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { loadConfig } from "../../src/config/config";
import { openDatabase } from "../../src/db/database";
import { sql } from "../../src/db/sql-dialect";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../support/test-database";

/** DATABASE_REPLICA_URLS: reads outside transactions on the replicas, writes and transactions on the primary. */
describe("PostgreSQL read replicas", () => {
  let primary: TestDatabase;

  beforeAll(async () => {
    if (TEST_ENGINE === "postgres") primary = await createTestDatabase();
  });
  afterAll(() => primary?.drop());

  it("are read from, while transactions stay on the primary", async () => {
    if (TEST_ENGINE !== "postgres") {
      expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgres://replica/test" })).toThrow("DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL");
      return;
    }
    if (primary.config.kind !== "postgres") throw new Error("unreachable");
    // The "replica" is the primary itself under another pool: what matters is which pool serves what.
    const config = loadConfig({ DATABASE_URL: primary.config.url, DATABASE_REPLICA_URLS: primary.config.url });
    const db = await openDatabase(config.database);
    try {
      const driver = db.dataSource.driver as PostgresDriver;
      const [replica] = driver.slaves as Pool[];
      const [row] = await sql<{ name: string }>(db, "SELECT name FROM region WHERE code = ?", ["76"]);
      expect(row.name).toBe("Occitanie");
      expect(replica.totalCount).toBeGreaterThan(0);
      const masterBefore = (driver.master as Pool).totalCount;
      await db.dataSource.transaction((m) => sql(m, "SELECT 1 AS one"));
      expect((driver.master as Pool).totalCount).toBeGreaterThanOrEqual(Math.max(masterBefore, 1));
    } finally {
      await db.close();
    }
  });
});
