import communes from "@etalab/decoupage-administratif/data/communes.json";
import departements from "@etalab/decoupage-administratif/data/departements.json";
import epcis from "@etalab/decoupage-administratif/data/epci.json";
import { useSeededApi } from "../support/suite";

/** The package's current communes of metropolitan France and the DROM, read independently of the seed code. */
const packageCommunes = (communes as { type: string; zone: string; departement: string; region: string; population?: number }[]).filter(
  (c) => c.type === "commune-actuelle" && c.zone !== "com",
);

describe("the territorial skeleton holds what @etalab/decoupage-administratif publishes", () => {
  const ctx = useSeededApi();

  it("has the 18 régions: 13 metropolitan and 5 overseas, without the collectivités d'outre-mer", async () => {
    const { data } = await ctx.api.execute("{ regions { code name } }");
    expect(data.regions).toHaveLength(18);
    const codes = data.regions.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["01", "02", "03", "04", "06", "11", "76", "94"]));
    expect(codes).not.toContain("975");
  });

  it("has the 101 départements, overseas ones included", async () => {
    const { data } = await ctx.api.execute("{ departments { code } }");
    expect(data.departments).toHaveLength(101);
    expect(data.departments.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(["2A", "2B", "971", "976"]));
    expect(data.departments).toHaveLength((departements as { zone: string }[]).filter((d) => d.zone !== "com").length);
  });

  it("has every EPCI of the package", async () => {
    const { data } = await ctx.api.execute("{ epcis(first: 1) { totalCount } }");
    expect(data.epcis.totalCount).toBe((epcis as unknown[]).length);
    expect(data.epcis.totalCount).toBe(1255);
  });

  it("has the 34,875 current communes of metropolitan France and the DROM", async () => {
    const [row] = await ctx.database.db.query("SELECT COUNT(*) AS n FROM commune");
    expect(Number(row.n)).toBe(packageCommunes.length);
    expect(Number(row.n)).toBe(34875);
  });

  it("gives each département and région the sum of its communes' populations", async () => {
    const byDepartment = new Map<string, number>();
    const byRegion = new Map<string, number>();
    for (const c of packageCommunes) {
      byDepartment.set(c.departement, (byDepartment.get(c.departement) ?? 0) + (c.population ?? 0));
      byRegion.set(c.region, (byRegion.get(c.region) ?? 0) + (c.population ?? 0));
    }
    const { data } = await ctx.api.execute("{ regions { code population departments { code population } } }");
    for (const region of data.regions) {
      expect(region.population).toBe(byRegion.get(region.code));
      for (const department of region.departments) expect(department.population).toBe(byDepartment.get(department.code));
    }
  });

  it("links every commune of an EPCI back to it, and leaves the four island communes without one", async () => {
    const [row] = await ctx.database.db.query(
      "SELECT COUNT(*) AS n FROM commune c WHERE NOT EXISTS (SELECT 1 FROM epci_commune ec WHERE ec.commune_code = c.code)",
    );
    expect(Number(row.n)).toBe(4);
    const { data } = await ctx.api.execute('{ commune(code: "29155") { name epci { name } } }');
    expect(data.commune).toEqual({ name: "Ouessant", epci: null });
  });
});
