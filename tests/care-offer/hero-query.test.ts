import { insertInitiative } from "../support/fixtures";
import { useSeededApi } from "../support/suite";

/** CC de la Montagne Noire (Aude), loaded as unconfirmed: the source says only "Montagne noire". */
const MONTAGNE_NOIRE = "200042463";

const HERO = `{ region(code: "76") { name
    zonesRouges { siren name population
      initiatives { title kind carriers { name } } } } }`;

describe("the hero query: a région's zones rouges and the initiatives running there", () => {
  const ctx = useSeededApi();

  it("returns the Lot zones rouges of Occitanie with their solidarity missions", async () => {
    const { data, errors } = await ctx.api.execute(HERO);
    expect(errors).toBeUndefined();
    expect(data.region.name).toBe("Occitanie");
    const bySiren = new Map(data.region.zonesRouges.map((z: any) => [z.siren, z]));
    expect(bySiren.get("200035327")).toMatchObject({ name: "CC Cazals-Salviac", population: 5539 });
    expect(bySiren.get("244600573")).toMatchObject({ name: "CC du Causse de Labastide Murat" });
    const cazals: any = bySiren.get("200035327");
    expect(cazals.initiatives).toEqual([
      { title: "Mission de solidarité territoriale: CC Cazals-Salviac (Lot)", kind: "SOLIDARITY_MISSION", carriers: [{ name: "Ministère de la Santé" }] },
    ]);
  });

  it("lists only confirmed zones rouges unless asked, all of them EPCI of the région", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "76") {
      zonesRouges { siren zoneRouge { confirmed } departments { region { code } } }
      all: zonesRouges(includeUnconfirmed: true) { siren zoneRouge { confirmed } } } }`);
    expect(data.region.zonesRouges.length).toBeGreaterThan(15);
    for (const zone of data.region.zonesRouges) {
      expect(zone.zoneRouge.confirmed).toBe(true);
      expect(zone.departments.map((d: any) => d.region.code)).toContain("76");
    }
    const unconfirmed = data.region.all.filter((z: any) => !z.zoneRouge.confirmed).map((z: any) => z.siren);
    expect(unconfirmed).toContain(MONTAGNE_NOIRE);
    expect(data.region.zonesRouges.map((z: any) => z.siren)).not.toContain(MONTAGNE_NOIRE);
    expect(data.region.all.length).toBe(data.region.zonesRouges.length + unconfirmed.length);
  });

  it("runs in 3 SQL statements (région, zones, initiatives with their carriers), a number that does not grow with 1,000 more initiatives", async () => {
    const before = await ctx.api.execute(HERO);
    expect(before.sqlStatements).toBeLessThanOrEqual(3);

    const db = ctx.database.db;
    const zones: { epci_siren: string }[] = await db.query<{ epci_siren: string }>(
      "SELECT z.epci_siren FROM zone_rouge z JOIN epci_department ed ON ed.epci_siren = z.epci_siren JOIN department d ON d.code = ed.department_code WHERE d.region_code = '76' AND z.confirmed = TRUE",
    );
    await db.dataSource.transaction(async (m) => {
      for (let i = 0; i < 1000; i++) {
        await insertInitiative(m, {
          id: `volume-${i}`,
          title: `Extra initiative ${i}`,
          kind: "PREVENTION_PROGRAMME",
          carriers: ["mgen"],
          places: [{ level: "EPCI", code: zones[i % zones.length].epci_siren }],
        });
      }
    });

    const after = await ctx.api.execute(HERO);
    const initiatives = after.data.region.zonesRouges.flatMap((z: any) => z.initiatives);
    expect(initiatives.length).toBeGreaterThanOrEqual(1000);
    expect(after.sqlStatements).toBe(before.sqlStatements);
  });
});
