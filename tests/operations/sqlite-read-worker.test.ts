import { QueryFailedError } from "typeorm";
import { type Database, openDatabase } from "../../src/db/database";
import { SqliteWorkerReader } from "../../src/db/readers/sqlite-worker.reader";
import { sql } from "../../src/db/sql-dialect";
import { SqliteQueueWriter } from "../../src/db/writer";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** A read that takes SQLite a few hundred milliseconds: counting two million rows of a recursive CTE. */
const SLOW_READ = "SELECT count(*) AS n FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000000) SELECT i FROM c)";

/** How many times a 1 ms timer fired while `read` ran: none if the read held the event loop. */
async function timerTicksDuring(read: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    await read();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

/**
 * On an SQLite file, reads outside transactions run on a worker thread with its own read-only
 * connection (src/db/readers/sqlite-worker.reader.ts, DATABASE_READ_WORKER). These tests open SQLite files
 * with the worker on, whichever engine and reader the suite runs on.
 */
describe("SQLite reads on a worker thread", () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase({ engine: "sqlite", seed: false, readWorker: true });
    db = database.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("runs a read beside the event loop, which keeps turning; with the worker off, the read holds it", async () => {
    expect(db.reader).toBeInstanceOf(SqliteWorkerReader);
    expect((db.reader as SqliteWorkerReader).usable).toBe(true);
    expect(await timerTicksDuring(() => sql(db, SLOW_READ))).toBeGreaterThan(0);

    const onMainThread = await openDatabase(database.config, { readWorker: false });
    try {
      expect(onMainThread.reader.kind).toBe("sqlite-main");
      const [{ n }] = await sql<{ n: number }>(onMainThread, SLOW_READ);
      expect(n).toBe(2_000_000);
      expect(await timerTicksDuring(() => sql(onMainThread, SLOW_READ))).toBe(0);
    } finally {
      await onMainThread.close();
    }
  });

  it("sees a write once it has committed, and never while it is in progress", async () => {
    const writer = await SqliteQueueWriter.open(database.config as { kind: "sqlite"; path: string });
    const read = () => sql<{ name: string }>(db, "SELECT name FROM region WHERE code = ?", ["X1"]);
    try {
      let seenDuringWrite: unknown[] | undefined;
      await writer.transaction(async (manager) => {
        await manager.query("INSERT INTO region (code, name, population, search_name) VALUES (?, ?, ?, ?)", ["X1", "Test region", 1, "test region"]);
        seenDuringWrite = await read();
      });
      expect(seenDuringWrite).toEqual([]);
      expect(await read()).toEqual([{ name: "Test region" }]);
    } finally {
      await db.query("DELETE FROM region WHERE code = ?", ["X1"]);
      await writer.close();
    }
  });

  it("fails only the statement in error, with SQLite's message and code, and answers the reads sent with it", async () => {
    const [before, failed, after] = await Promise.allSettled([
      sql(db, "SELECT 'a' AS v"),
      sql(db, "SELECT * FROM no_such_table"),
      sql(db, "SELECT ? AS v", [true]),
    ]);
    expect(before).toEqual({ status: "fulfilled", value: [{ v: "a" }] });
    expect(failed.status).toBe("rejected");
    const error = (failed as PromiseRejectedResult).reason as QueryFailedError & { code?: string };
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error.code).toBe("SQLITE_ERROR");
    // Booleans are bound as 0/1, as on the main connection.
    expect(after).toEqual({ status: "fulfilled", value: [{ v: 1 }] });

    // The same error as the main connection raises.
    const onMainThread = await openDatabase(database.config, { readWorker: false });
    try {
      const same = await sql(onMainThread, "SELECT * FROM no_such_table").catch((e: unknown) => e as QueryFailedError & { code?: string });
      expect(same).toBeInstanceOf(QueryFailedError);
      expect({ message: error.message, code: error.code }).toEqual({ message: (same as QueryFailedError).message, code: "SQLITE_ERROR" });
      expect(error.message).toMatch(/no such table: no_such_table/);
    } finally {
      await onMainThread.close();
    }
  });

  it("fails a read whose parameter cannot reach the thread, and only that read", async () => {
    const [bad, good] = await Promise.allSettled([sql(db, "SELECT ? AS v", [() => 1]), sql(db, "SELECT 'ok' AS v")]);
    expect(bad.status).toBe("rejected");
    expect(((bad as PromiseRejectedResult).reason as Error).message).toMatch(/cannot be sent to the SQLite read worker/);
    expect(good).toEqual({ status: "fulfilled", value: [{ v: "ok" }] });
    expect((db.reader as SqliteWorkerReader).usable).toBe(true);
  });

  it("sends reads back to the main connection once the worker has stopped", async () => {
    const worker = db.reader as SqliteWorkerReader;
    await worker.close();
    expect(worker.usable).toBe(false);
    expect(await sql(db, "SELECT 2 AS two")).toEqual([{ two: 2 }]);
  });
});
