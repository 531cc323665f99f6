import { createTestApi, type TestApi } from "../support/test-api";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * A bad argument to one root field gives an error for that field, and the other fields of the
 * same request keep their data: every root field that validates its arguments is nullable.
 * Pinned on the gateway and on the monolith alike.
 */
const BAD_ARGUMENT = [
  ["epcis", 'epcis(filter: { regionCode: "7" }) { totalCount }'],
  ["indicators", 'indicators(territory: "Lot") { id }'],
  ["departments", 'departments(filter: { regionCode: "7" }) { code }'],
  ["initiatives", 'initiatives(filter: { regionCode: "7" }) { totalCount }'],
  ["nationalProfessionals", 'nationalProfessionals(vintage: "1999") { specialty }'],
  ["searchTerritories", 'searchTerritories(text: "x") { __typename }'],
  ["missionMatches", 'missionMatches(month: "2026-13") { daysMissing }'],
] as const;

describe.each(["gateway", "monolith"] as const)("partial errors stay partial (%s)", (schema) => {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await createTestDatabase();
    api = await createTestApi(database.db, schema);
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it.each(BAD_ARGUMENT)("a bad argument to %s nulls that field only, with a BAD_USER_INPUT error at its path", async (_field, selection) => {
    const { data, errors } = await api.execute(`{ region(code: "76") { name } bad: ${selection} }`);
    expect(data).toEqual({ region: { name: "Occitanie" }, bad: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ["bad"], extensions: { code: "BAD_USER_INPUT" } });
  });
});
