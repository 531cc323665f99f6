import { seedAll } from "../../seeds/seed";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("seeding", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
  });
  afterAll(() => database.drop());

  // Two full seeds of every dataset: on PostgreSQL on a loaded machine that passes the suite's 60 s bound.
  it("fills an empty database, then a second run adds, changes and removes nothing", async () => {
    const first = await seedAll(database.db.dataSource);
    expect(first.commune.added).toBe(34875);
    expect(first.epci.added).toBe(1255);
    const snapshot = await database.db.query("SELECT code, name, population, postal_codes FROM commune ORDER BY code");

    const second = await seedAll(database.db.dataSource);
    for (const [table, counts] of Object.entries(second)) {
      expect({ table, added: counts.added, changed: counts.changed, removed: counts.removed }).toEqual({ table, added: 0, changed: 0, removed: 0 });
    }
    expect(await database.db.query("SELECT code, name, population, postal_codes FROM commune ORDER BY code")).toEqual(snapshot);
  }, 180_000);

  it("repairs a row that was altered by hand", async () => {
    await database.db.query("UPDATE epci SET population = 1 WHERE siren = '200035327'");
    const report = await seedAll(database.db.dataSource);
    expect(report.epci.changed).toBe(1);
    const [row] = await database.db.query("SELECT population FROM epci WHERE siren = '200035327'");
    expect(Number(row.population)).toBe(5539);
  });
});
