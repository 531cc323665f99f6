import { useSeededApi } from "../support/suite";

describe("looking up a territory by its code", () => {
  const ctx = useSeededApi();

  it("finds CC Cazals-Salviac by SIREN, with its population, département and région", async () => {
    const { data, errors } = await ctx.api.execute(`{
      epci(siren: "200035327") { siren name kind population departments { code name region { code name } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.epci).toEqual({
      siren: "200035327",
      name: "CC Cazals-Salviac",
      kind: "CC",
      population: 5539,
      departments: [{ code: "46", name: "Lot", region: { code: "76", name: "Occitanie" } }],
    });
  });

  it("shows CA Moulins Communauté spanning départements 03 and 58", async () => {
    const { data } = await ctx.api.execute(`{ epcis(filter: { nameContains: "moulins communaute" }) { edges { node { name departments { code } } } } }`);
    expect(data.epcis.edges).toHaveLength(1);
    expect(data.epcis.edges[0].node).toEqual({ name: "CA Moulins Communauté", departments: [{ code: "03" }, { code: "58" }] });
  });

  it("finds Pont-de-Chéruy by INSEE code with its postal code, département and EPCI", async () => {
    const { data } = await ctx.api.execute(`{ commune(code: "38316") { name population postalCodes department { code } epci { name } } }`);
    expect(data.commune).toMatchObject({ name: "Pont-de-Chéruy", population: 6302, postalCodes: ["38230"], department: { code: "38" } });
    expect(data.commune.epci.name).toBe("CC Lyon-Saint-Exupéry en Dauphiné");
  });

  it("lists a région's départements and a département's EPCI", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "76") { name departments { code } } department(code: "46") { region { code } epcis { name } } }`);
    expect(data.region.name).toBe("Occitanie");
    expect(data.region.departments).toHaveLength(13);
    expect(data.department.region.code).toBe("76");
    expect(data.department.epcis.map((e: { name: string }) => e.name)).toContain("CC Cazals-Salviac");
  });

  it("answers null, without an error, for well-formed codes that match nothing", async () => {
    const { data, errors } = await ctx.api.execute(`{
      region(code: "99") { name } department(code: "96") { name } epci(siren: "999999999") { name } commune(code: "99999") { name }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ region: null, department: null, epci: null, commune: null });
  });

  it("pages through a département's communes by cursor", async () => {
    const first = await ctx.api.execute(`{ department(code: "46") { communes(first: 100) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } } }`);
    const page1 = first.data.department.communes;
    expect(page1.edges).toHaveLength(100);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const codes = new Set<string>(page1.edges.map((e: { node: { code: string } }) => e.node.code));
    let after = page1.pageInfo.endCursor;
    for (;;) {
      const next = await ctx.api.execute(`query($after: String) { department(code: "46") { communes(first: 100, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } } }`, { after });
      const page = next.data.department.communes;
      for (const e of page.edges) codes.add(e.node.code);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(codes.size).toBe(page1.totalCount);
  });
});

describe("searching territories by name", () => {
  const ctx = useSeededApi();
  const search = async (text: string) =>
    (await ctx.api.execute(`query($text: String!) { searchTerritories(text: $text) { __typename ... on Commune { code name } ... on Epci { siren name } ... on Department { code name } ... on Region { code name } } }`, { text })).data
      .searchTerritories;

  it('finds Pont-de-Chéruy from "pont de cheruy", ignoring accents, case and hyphens', async () => {
    const results = await search("pont de cheruy");
    expect(results[0]).toEqual({ __typename: "Commune", code: "38316", name: "Pont-de-Chéruy" });
    expect(await search("PONT-DE-CHÉRUY")).toEqual(results);
  });

  it("puts a région before communes of the same name and exact names first", async () => {
    const results = await search("occitanie");
    expect(results[0]).toEqual({ __typename: "Region", code: "76", name: "Occitanie" });
    const lot = await search("lot");
    expect(lot[0]).toEqual({ __typename: "Department", code: "46", name: "Lot" });
  });

  it("finds an EPCI by part of its name", async () => {
    const results = await search("cazals");
    expect(results).toContainEqual({ __typename: "Epci", siren: "200035327", name: "CC Cazals-Salviac" });
  });
});
