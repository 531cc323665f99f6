import net from "node:net";
import type { Pool } from "pg";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { ReadPipeline } from "../../src/db/readers/postgres-pipeline";
import { sql } from "../../src/db/sql-dialect";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The loaders' keyed reads on PostgreSQL go through connections in pipeline mode
 * (src/db/readers/postgres-pipeline.ts). These tests need PostgreSQL (127.0.0.1:5432), as CI has it, on
 * either suite.
 */
describe("keyed reads on PostgreSQL through the read pipeline", () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase({ engine: "postgres", seed: false });
    pool = (database.db.dataSource.driver as PostgresDriver).master as Pool;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await database?.drop();
  });

  it("sends the statements issued in one event-loop turn in one socket write, each answered with its own rows", async () => {
    const pipeline = new ReadPipeline(pool, 1);
    try {
      await pipeline.query({ text: "SELECT 1" }); // connected, so that only the statements below are written
      const writev = jest.spyOn(net.Socket.prototype as unknown as { _writev: () => void }, "_writev");
      const write = jest.spyOn(net.Socket.prototype as unknown as { _write: () => void }, "_write");
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, n) => pipeline.query({ name: "pipeline_test_n", text: "SELECT $1::int * 2 AS doubled", values: [n] })),
      );
      expect(answers.map((a) => a.rows[0].doubled)).toEqual(Array.from({ length: 12 }, (_, n) => n * 2));
      expect(writev.mock.calls.length + write.mock.calls.length).toBe(1);
      writev.mockRestore();
      write.mockRestore();
    } finally {
      await pipeline.close();
    }
  });

  it("fails only the statement in error: the others sent with it are answered", async () => {
    const pipeline = new ReadPipeline(pool, 1);
    try {
      const [before, failed, after] = await Promise.allSettled([
        pipeline.query({ text: "SELECT 'a' AS v" }),
        pipeline.query({ text: "SELECT 1 / 0 AS v" }),
        pipeline.query({ text: "SELECT 'b' AS v" }),
      ]);
      expect(before).toMatchObject({ status: "fulfilled", value: { rows: [{ v: "a" }] } });
      expect(failed).toMatchObject({ status: "rejected", reason: { message: "division by zero" } });
      expect(after).toMatchObject({ status: "fulfilled", value: { rows: [{ v: "b" }] } });
    } finally {
      await pipeline.close();
    }
  });

  it("refuses statements once closed, with its connections", async () => {
    const pipeline = new ReadPipeline(pool, 2);
    await pipeline.query({ text: "SELECT 1" });
    await pipeline.close();
    await expect(pipeline.query({ text: "SELECT 1" })).rejects.toThrow("the database connection is closed");
  });

  it("connects with the pool's credentials, the password included (pg-pool keeps it out of a spread)", () => {
    const { Pool: PgPool } = jest.requireActual<typeof import("pg")>("pg");
    const withPassword = new PgPool({ host: "127.0.0.1", user: "partner", password: "s3cret", database: "test" });
    const configs: Record<string, unknown>[] = [];
    class RecordingClient {
      constructor(config: Record<string, unknown>) {
        configs.push(config);
      }
      on() {}
      connect() {
        return new Promise(() => {});
      }
      query() {
        return new Promise(() => {});
      }
      connection = { stream: { cork() {}, uncork() {} } };
    }
    Object.assign(withPassword, { Client: RecordingClient });
    void new ReadPipeline(withPassword, 1).query({ text: "SELECT 1" });
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({ host: "127.0.0.1", user: "partner", password: "s3cret", database: "test", pipeline: true });
  });

  it("serves the loaders' reads (sql with keyed = true) as the pool would, errors included", async () => {
    const rows = await sql<{ code: string }>(database.db, "SELECT code FROM (VALUES ('76'), ('11'), ('84')) AS r(code) WHERE code = ANY(?) ORDER BY code", [["11", "76"]], true);
    expect(rows).toEqual([{ code: "11" }, { code: "76" }]);
    await expect(sql(database.db, "SELECT no_such_column FROM region WHERE code = ANY(?)", [["76"]], true)).rejects.toMatchObject({
      name: "QueryFailedError",
    });
  });
});
