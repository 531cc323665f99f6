import { useSeededApi } from "../support/suite";

const titles = (list: { title: string }[]) => list.map((i) => i.title);

describe("initiatives and where they run", () => {
  const ctx = useSeededApi();

  it("attaches each initiative named in the 2025 reports to its real territory", async () => {
    const { data } = await ctx.api.execute(`{
      buccobus: department(code: "70") { initiatives { title kind } }
      moulins: commune(code: "03190") { name initiatives { title carriers { name kind } } }
      stVictor: commune(code: "38464") { initiatives { title startedOn } }
      pont: commune(code: "38316") { initiatives { title kind status } }
      occitanie: region(code: "76") { initiatives(filter: { kinds: [COORDINATION] }) { title carriers { name } } }
    }`);
    expect(data.buccobus.initiatives).toContainEqual({ title: "Buccobus", kind: "MOBILE_UNIT" });
    expect(data.moulins.initiatives).toEqual([{ title: "MGEN health centre in Moulins", carriers: [{ name: "MGEN", kind: "MUTUELLE" }] }]);
    expect(data.stVictor.initiatives).toEqual([{ title: "Maison médicale of Saint-Victor-de-Cessieu and Cessieu", startedOn: "2017" }]);
    expect(data.pont.initiatives).toEqual([{ title: "Solidarity health incubator of Pont-de-Chéruy", kind: "HEALTH_INCUBATOR", status: "in preparation" }]);
    expect(data.occitanie.initiatives).toEqual([{ title: "Mission against social inequalities in health", carriers: [{ name: "ARS Occitanie" }] }]);
  });

  it("finds an initiative attached to a commune from its EPCI, département and région", async () => {
    const { data } = await ctx.api.execute(`{
      commune(code: "38316") { epci { initiatives { title } } department { initiatives { title } region { initiatives { title } } } }
      other: department(code: "69") { initiatives { title } }
    }`);
    const title = "Solidarity health incubator of Pont-de-Chéruy";
    expect(titles(data.commune.epci.initiatives)).toContain(title);
    expect(titles(data.commune.department.initiatives)).toContain(title);
    expect(titles(data.commune.department.region.initiatives)).toContain(title);
    expect(titles(data.other.initiatives)).not.toContain(title);
  });

  it("does not push an initiative attached to a région down to its départements", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "31") { initiatives { title } } }`);
    expect(titles(data.department.initiatives)).not.toContain("Mission against social inequalities in health");
  });

  it("gives each initiative its places, its région and its source", async () => {
    const { data } = await ctx.api.execute(`{ initiative(id: "mission-solidarite-cazals-salviac") {
      kind epcis { siren name } departments { code } communes { code } region { code name } startedOn status source { producer vintage } } }`);
    expect(data.initiative).toEqual({
      kind: "SOLIDARITY_MISSION",
      epcis: [{ siren: "200035327", name: "CC Cazals-Salviac" }],
      departments: [],
      communes: [],
      region: { code: "76", name: "Occitanie" },
      startedOn: "2025-09",
      status: "open to volunteers",
      source: { producer: "Ministère de la Santé (Pacte de lutte contre les déserts médicaux)", vintage: "2025-06-27" },
    });
  });

  it("filters by kind, carrier kind and zones rouges, and pages with a total count", async () => {
    const { data } = await ctx.api.execute(`{
      missions: initiatives(filter: { zonesRougesOnly: true }, first: 100) { totalCount edges { node { kind epcis { zoneRouge { confirmed } } } } }
      mutuelles: initiatives(filter: { carrierKinds: [MUTUELLE] }) { edges { node { title } } }
      page: initiatives(first: 2) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
    }`);
    expect(data.missions.totalCount).toBe(data.missions.edges.length);
    expect(data.missions.edges.length).toBe(7); // six named zones rouges, plus one mission for the four of Mayotte
    for (const e of data.missions.edges) {
      expect(e.node.kind).toBe("SOLIDARITY_MISSION");
      expect(e.node.epcis.some((x: any) => x.zoneRouge?.confirmed)).toBe(true);
    }
    expect(titles(data.mutuelles.edges.map((e: any) => e.node)).sort()).toEqual(
      ["'Bien vieillir' workshops", "MGEN health centre in Moulins", "Mental-health first-aid training for municipal staff"].sort(),
    );
    expect(data.page.edges).toHaveLength(2);
    expect(data.page.pageInfo.hasNextPage).toBe(true);
    expect(data.page.totalCount).toBeGreaterThan(15);
  });

  it("attaches the Mayotte solidarity mission to the confirmed zones rouges of Mayotte", async () => {
    const { data } = await ctx.api.execute(`{ initiative(id: "mission-solidarite-mayotte") { epcis { siren zoneRouge { confirmed } departments { code } } } }`);
    expect(data.initiative.epcis.length).toBe(4);
    for (const e of data.initiative.epcis) {
      expect(e.zoneRouge.confirmed).toBe(true);
      expect(e.departments).toEqual([{ code: "976" }]);
    }
  });

  it("answers organizations with what they carry", async () => {
    const { data } = await ctx.api.execute(`{ organizations(kind: ARS) { id name initiatives { title } } }`);
    expect(data.organizations.map((o: any) => o.id)).toEqual(["ars-auvergne-rhone-alpes", "ars-occitanie"]);
    expect(titles(data.organizations[1].initiatives)).toEqual(["Mission against social inequalities in health"]);
  });
});
