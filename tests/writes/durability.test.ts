import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { openDatabase } from "../../src/db/database";
import { markers, sql } from "../../src/db/sql-dialect";
import { databaseUrlOf, startServerProcess } from "../support/server-process";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../support/test-database";

describe(`durability (${TEST_ENGINE}): the server killed with SIGKILL in the middle of a write burst`, () => {
  let database: TestDatabase;
  afterAll(async () => database?.drop());

  it("keeps every acknowledged write, and the database opens cleanly afterwards", async () => {
    database = await createTestDatabase();
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    // The server must be the only process holding the SQLite file when it is killed.
    await database.db.close();
    const url = databaseUrlOf(database.config);
    const server = await startServerProcess(url, { RATE_LIMIT_KEY_PER_MINUTE: "100000" });

    const acknowledged: string[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(server.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify({ query: `mutation { createInitiative(input: { title: "Burst ${n}-${i}", kind: PREVENTION_PROGRAMME, summary: "x", status: "running", places: [{ level: COMMUNE, code: "46066" }] }) { id } }` }),
          });
          const body = (await res.json()) as any;
          if (body.data?.createInitiative?.id) acknowledged.push(body.data.createInitiative.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: 20 }, (_, n) => client(n));
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
    await server.stop("SIGKILL");
    stop = true;
    await Promise.all(clients);

    const restarted = await startServerProcess(url);
    try {
      const health = await fetch(`${restarted.base}/healthz`);
      expect(health.status).toBe(200);
      const db = await openDatabase(database.config);
      try {
        if (TEST_ENGINE === "sqlite") expect(await db.query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
        const found = new Set<string>();
        for (let i = 0; i < acknowledged.length; i += 500) {
          const chunk = acknowledged.slice(i, i + 500);
          for (const r of await sql<{ id: string }>(db, `SELECT id FROM initiative WHERE id IN (${markers(chunk.length)})`, chunk)) found.add(r.id);
        }
        expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
        // Each acknowledged initiative was written whole: its audit record is there too.
        const [audits] = await sql<{ n: unknown }>(db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'createInitiative'");
        const [rows] = await sql<{ n: unknown }>(db, "SELECT COUNT(*) AS n FROM initiative WHERE title LIKE 'Burst %'");
        expect(Number(audits.n)).toBe(Number(rows.n));
        expect(Number(rows.n)).toBeGreaterThanOrEqual(acknowledged.length);
      } finally {
        await db.close();
      }
    } finally {
      await restarted.stop();
    }
  }, 180_000);
});
