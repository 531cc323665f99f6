import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { sql } from "../../src/db/sql-dialect";
import { postGraphQL } from "../support/processes";
import { databaseUrlOf, startServerProcess, type ServerProcess } from "../support/server-process";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../support/test-database";

/** Runs `tasks` with at most `width` in flight at once, like `width` clients each sending its share. */
async function withClients<T>(width: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

describe(`concurrent writes over HTTP against the real server (${TEST_ENGINE})`, () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let auth: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    auth = { authorization: `Bearer ${key}` };
    server = await startServerProcess(databaseUrlOf(database.config), { RATE_LIMIT_KEY_PER_MINUTE: "100000" });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("50 clients send 1,000 createInitiative at once: exactly 1,000 rows and 1,000 audit records", async () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => () =>
      postGraphQL(
        server.url,
        `mutation { createInitiative(input: { title: "Concurrent ${i}", kind: PREVENTION_PROGRAMME, summary: "load", status: "running", places: [{ level: COMMUNE, code: "46066" }], clientMutationId: "burst-${i}" }) { id } }`,
        auth,
      ),
    );
    const responses = await withClients(50, tasks);
    expect(responses.filter((r) => r.status !== 200 || r.body.errors)).toEqual([]);
    const ids = new Set(responses.map((r) => r.body.data.createInitiative.id));
    expect(ids.size).toBe(1000);
    const [rows] = await sql<{ n: unknown }>(database.db, "SELECT COUNT(*) AS n FROM initiative WHERE title LIKE 'Concurrent %'");
    const [audits] = await sql<{ n: unknown }>(database.db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'createInitiative'");
    const [places] = await sql<{ n: unknown }>(database.db, "SELECT COUNT(DISTINCT initiative_id) AS n FROM initiative_place WHERE code = '46066' AND level = 'COMMUNE'");
    expect(Number(rows.n)).toBe(1000);
    expect(Number(audits.n)).toBe(1000);
    expect(Number(places.n)).toBeGreaterThanOrEqual(1000);
  }, 180_000);

  it("50 concurrent updates of one initiative with the same version: exactly one wins, the others get CONFLICT", async () => {
    const created = await postGraphQL(server.url, `mutation { createInitiative(input: { title: "Contended", kind: COORDINATION, summary: "x", status: "running", places: [] }) { id version } }`, auth);
    const { id, version } = created.body.data.createInitiative;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postGraphQL(server.url, `mutation { updateInitiative(input: { id: "${id}", version: ${version}, status: "writer ${i}" }) { version status } }`, auth)),
    );
    const winners = responses.filter((r) => r.body.data?.updateInitiative);
    const conflicts = responses.filter((r) => r.body.errors?.[0]?.extensions?.code === "CONFLICT");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const [row] = await sql<{ status: string; version: unknown }>(database.db, "SELECT status, version FROM initiative WHERE id = ?", [id]);
    expect(row.status).toBe(winners[0].body.data.updateInitiative.status);
    expect(Number(row.version)).toBe(version + 1);
    const [audits] = await sql<{ n: unknown }>(database.db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'updateInitiative' AND entity_id = ?", [id]);
    expect(Number(audits.n)).toBe(1);
  });
});
