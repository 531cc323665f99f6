import communesJson from "@etalab/decoupage-administratif/data/communes.json";
import { useSeededApi } from "../support/suite";

interface CogCommune { code: string; nom: string; type: string; zone: string; codesPostaux?: string[]; anciensCodes?: string[] }
const cog = communesJson as CogCommune[];
const current = cog.filter((c) => c.type === "commune-actuelle" && (c.zone === "metro" || c.zone === "drom"));

const ctx = useSeededApi();
const COMMUNE = "code name postalCodes formerCodes formerCodeGiven";

describe("former INSEE codes: a commune merged since answers the current commune, and says so", () => {
  it('answers Arboys en Bugey (01015) for Saint-Bois\'s former code "01340", which answered null before', async () => {
    const { data, errors, sqlStatements } = await ctx.api.execute(`{ commune(code: "01340") { ${COMMUNE} } }`);
    expect(errors).toBeUndefined();
    expect(data.commune).toEqual({ code: "01015", name: "Arboys en Bugey", postalCodes: ["01300"], formerCodes: ["01340"], formerCodeGiven: "01340" });
    // byCode misses, byFormerCode finds, formerCodes lists: one statement each.
    expect(sqlStatements).toBe(3);
  });

  it("still answers a current code in one statement, without formerCodeGiven", async () => {
    const { data, sqlStatements } = await ctx.api.execute('{ commune(code: "42218") { code name formerCodeGiven } }');
    expect(data.commune).toEqual({ code: "42218", name: "Saint-Étienne", formerCodeGiven: null });
    expect(sqlStatements).toBe(1);
  });

  it("lists every former code of the COG as the package gives it (Saint-Étienne: 42190, 42292, 42309)", async () => {
    const { data } = await ctx.api.execute('{ commune(code: "42218") { formerCodes } }');
    expect(data.commune.formerCodes).toEqual(["42190", "42292", "42309"]);
    for (const former of ["42190", "42292", "42309"]) {
      const answer = await ctx.api.execute(`{ commune(code: "${former}") { code formerCodeGiven } }`);
      expect(answer.data.commune).toEqual({ code: "42218", formerCodeGiven: former });
    }
  });

  it("maps all former codes of the package, each to the commune whose anciensCodes hold it", async () => {
    const expected = current.flatMap((c) => (c.anciensCodes ?? []).map((old) => [old, c.code]));
    expect(expected.length).toBeGreaterThan(4000);
    const rows = await ctx.database.db.query<{ code: string; commune_code: string }>("SELECT code, commune_code FROM commune_former_code ORDER BY code");
    const held = new Map<string, string>(rows.map((r) => [r.code, r.commune_code]));
    expect(expected.filter(([old, now]) => held.get(old) !== now)).toEqual([]);
    expect(held.size).toBe(expected.length);
  });

  it("still answers null for a well-formed code no commune ever had, and BAD_USER_INPUT for a malformed one", async () => {
    expect((await ctx.api.execute('{ commune(code: "99999") { code } }')).data).toEqual({ commune: null });
    const bad = await ctx.api.execute('{ commune(code: "4610") { code } }');
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("filters initiatives by a former commune code as by the current one", async () => {
    const withCurrent = await ctx.api.execute('{ initiatives(filter: { communeCode: "38316" }) { totalCount } }');
    expect(withCurrent.data.initiatives.totalCount).toBeGreaterThan(0);
    // Pont-de-Chéruy has no former code; Saint-Étienne's filter gives the same answer by its former codes.
    const byCurrent = await ctx.api.execute('{ initiatives(filter: { communeCode: "42218" }) { totalCount } }');
    const byFormer = await ctx.api.execute('{ initiatives(filter: { communeCode: "42190" }) { totalCount } }');
    expect(byFormer.data.initiatives.totalCount).toBe(byCurrent.data.initiatives.totalCount);
  });
});

describe("postal codes: the communes of a postal code, the postal codes of a commune", () => {
  it("gives Figeac's 46100 as the package does: 19 communes, Figeac first (the largest)", async () => {
    const { data, errors } = await ctx.api.execute('{ communesByPostalCode(postalCode: "46100") { code name postalCodes } }');
    expect(errors).toBeUndefined();
    const expected = current.filter((c) => c.codesPostaux?.includes("46100")).map((c) => c.code).sort();
    expect(expected).toHaveLength(19);
    expect(data.communesByPostalCode.map((c: { code: string }) => c.code).sort()).toEqual(expected);
    expect(data.communesByPostalCode[0]).toEqual({ code: "46102", name: "Figeac", postalCodes: ["46100"] });
  });

  it("gives a commune with several postal codes under each of them (Saint-Étienne: 42000, 42100, 42230)", async () => {
    for (const postalCode of ["42000", "42100", "42230"]) {
      const { data } = await ctx.api.execute(`{ communesByPostalCode(postalCode: "${postalCode}") { code } }`);
      expect(data.communesByPostalCode.map((c: { code: string }) => c.code)).toContain("42218");
    }
  });

  it("answers [] for a postal code no commune has, and BAD_USER_INPUT for a malformed one", async () => {
    expect((await ctx.api.execute('{ communesByPostalCode(postalCode: "00000") { code } }')).data).toEqual({ communesByPostalCode: [] });
    const bad = await ctx.api.execute('{ communesByPostalCode(postalCode: "4610A") { code } }');
    expect(bad.errors?.[0].message).toBe('postalCode must be five digits, the La Poste postal code, e.g. "46100" (received "4610A")');
    expect(bad.data).toEqual({ communesByPostalCode: null });
  });
});

describe("searchTerritories as people type", () => {
  const search = async (text: string) =>
    (await ctx.api.execute(`query($text: String!) { searchTerritories(text: $text) { __typename ... on Commune { code name } ... on Epci { siren name } } }`, { text })).data
      .searchTerritories as { __typename: string; code?: string; name: string }[];

  it('finds the communes of the postal code "46100" (it answered [] before), Figeac first', async () => {
    const results = await search("46100");
    expect(results[0]).toEqual({ __typename: "Commune", code: "46102", name: "Figeac" });
    expect(results).toHaveLength(10);
  });

  it('finds Saint-Étienne from "st-etienne", "St Etienne" and "saint etienne" alike', async () => {
    const reference = await search("saint etienne");
    expect(reference[0]).toEqual({ __typename: "Commune", code: "42218", name: "Saint-Étienne" });
    expect(await search("st-etienne")).toEqual(reference);
    expect(await search("St Étienne")).toEqual(reference);
    expect(await search("ST-ETIENNE")).toEqual(reference);
  });

  it('reads "Ste" as Sainte and finds names typed without their apostrophe or hyphen', async () => {
    expect((await search("ste-maxime"))[0]).toEqual({ __typename: "Commune", code: "83115", name: "Sainte-Maxime" });
    expect((await search("pont dain"))[0]).toEqual({ __typename: "Commune", code: "01304", name: "Pont-d'Ain" });
    expect((await search("pont d’ain"))[0]).toEqual({ __typename: "Commune", code: "01304", name: "Pont-d'Ain" });
  });

  it("finds a commune by its INSEE code, current or former", async () => {
    expect(await search("01340")).toContainEqual({ __typename: "Commune", code: "01015", name: "Arboys en Bugey" });
  });
});
