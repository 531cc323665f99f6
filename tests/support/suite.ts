import { createTestApi, type TestApi } from "./test-api";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * A seeded database and an API on it for one test file, created in beforeAll and dropped in
 * afterAll. Usage: `const ctx = useSeededApi(); … ctx.api.execute(…)`.
 */
export function useSeededApi(): { api: TestApi; database: TestDatabase } {
  const holder = {} as { api: TestApi; database: TestDatabase };
  beforeAll(async () => {
    holder.database = await createTestDatabase();
    holder.api = await createTestApi(holder.database.db);
  });
  afterAll(async () => {
    await holder.api?.stop();
    await holder.database?.drop();
  });
  return holder;
}
