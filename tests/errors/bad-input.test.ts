import { useSeededApi } from "../support/suite";

/** The exact codes and messages a client gets for misuse. Partners branch on these: they are pinned. */
describe("bad input gets a clear GraphQL error with a stable code", () => {
  const ctx = useSeededApi();

  const cases: [string, string, string][] = [
    ['epci(siren: "123")', "BAD_USER_INPUT", 'siren must be nine digits, e.g. "200035327" (received "123")'],
    ['epci(siren: "20003532A")', "BAD_USER_INPUT", 'siren must be nine digits, e.g. "200035327" (received "20003532A")'],
    ['region(code: "Occitanie")', "BAD_USER_INPUT", 'code must be two digits, e.g. "76" (received "Occitanie")'],
    ['department(code: "977")', "BAD_USER_INPUT", 'code must be two digits, "2A"/"2B" or 971–976, e.g. "46" (received "977")'],
    ['commune(code: "38230x")', "BAD_USER_INPUT", 'code must be five characters, the INSEE code (not the postal code), e.g. "38316" (received "38230x")'],
    ["epcis(first: 101) { totalCount }", "BAD_USER_INPUT", "first must be at most 100 (received 101)"],
    ["epcis(first: -1) { totalCount }", "BAD_USER_INPUT", "first must be zero or more (received -1)"],
    ['epcis(after: "not-a-cursor") { totalCount }', "BAD_USER_INPUT", 'after must be a cursor received from this API (received "not-a-cursor")'],
    ['epcis(filter: { regionCode: "7" }) { totalCount }', "BAD_USER_INPUT", 'regionCode must be two digits, e.g. "76" (received "7")'],
    ["epcis(filter: { minPopulation: -5 }) { totalCount }", "BAD_USER_INPUT", "minPopulation must be zero or more (received -5)"],
    ['searchTerritories(text: "a") { __typename }', "BAD_USER_INPUT", "text must be 2 to 100 characters long"],
  ];

  it.each(cases)("%s → %s", async (field, code, message) => {
    const selection = field.includes("{") ? field : `${field} { __typename }`;
    const { errors, data } = await ctx.api.execute(`{ ${selection} }`);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code });
    expect(errors![0].message).toBe(message);
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    expect(data === null || Object.values(data ?? {}).every((v) => v === null)).toBe(true);
  });

  it("rejects an unknown field at validation, before any SQL", async () => {
    const { errors, sqlStatements } = await ctx.api.execute("{ epci(siren: \"200035327\") { mayor } }");
    expect(errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // graphql-js may add a suggestion ("Did you mean "mapUrl"?") as fields are added: the rule is what counts.
    expect(errors![0].message).toMatch(/^Cannot query field "mayor" on type "Epci"\./);
    expect(sqlStatements).toBe(0);
  });

  it("rejects an unknown enum value with a validation error", async () => {
    const { errors } = await ctx.api.execute("{ epcis(filter: { kinds: [VILLAGE] }) { totalCount } }");
    expect(errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
