import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { useSeededApi } from "../support/suite";

/** The CNOM file's 2025 GP densities, read straight from the bundled CSV. */
function cnomGpDensities2025(): Map<string, number> {
  const lines = fs.readFileSync(path.join(__dirname, "../../seeds/data/cnom-densite-specialite-departement-2010-2025.csv"), "utf8").trim().split("\n");
  const result = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(",");
    if (cells[0] === "Médecine générale") result.set(cells[1].padStart(2, "0"), Number(cells[4]));
  }
  return result;
}

describe("GP density by département, with its vintage", () => {
  const ctx = useSeededApi();

  it('answers "which départements have fewer than 100 GPs per 100,000?" in one query, with the vintage used', async () => {
    const { data, errors } = await ctx.api.execute(`{
      departments(filter: { gpDensityBelow: 100, gpDensitySource: CNOM }, orderBy: GP_DENSITY_ASC) {
        code name gpDensity(source: CNOM) { value date source { producer vintage licence } }
      } }`);
    expect(errors).toBeUndefined();
    const expected = [...cnomGpDensities2025()].filter(([, v]) => v < 100);
    expect(data.departments.map((d: any) => d.code).sort()).toEqual(expected.map(([c]) => c).sort());
    expect(data.departments.map((d: any) => d.name)).toEqual(expect.arrayContaining(["Seine-Saint-Denis", "Essonne"]));
    const values = data.departments.map((d: any) => d.gpDensity.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    for (const d of data.departments) {
      expect(d.gpDensity.value).toBeLessThan(100);
      expect(d.gpDensity.date).toBe("2025-01-01");
      expect(d.gpDensity.source.vintage).toBe("2025-01-01");
      expect(d.gpDensity.source.licence).toMatch(/non-commercial/);
    }
  });

  it("uses DREES/RPPS by default, whose vintage is marked as inferred", async () => {
    const { data } = await ctx.api.execute(`{
      low: departments(filter: { gpDensityBelow: 100 }) { code gpDensity { value source { id vintageInferred note } } }
      hautesAlpes: department(code: "05") { gpDensity { value date } } }`);
    const densite: Record<string, string>[] = parse(fs.readFileSync(path.join(__dirname, "../../seeds/data/rpps-departement-specialite-densite.csv")), { columns: true, bom: true });
    const expected = densite
      .filter((r) => r.dept_code !== "Total général")
      .map((r) => [r.dept_code.replace(/^0?(2[AB])$/, "$1").padStart(2, "0"), Number(r["01-Médecine générale"].replace(",", "."))] as const)
      .filter(([, v]) => v < 100);
    expect(data.low.map((d: any) => [d.code, d.gpDensity.value])).toEqual(expect.arrayContaining(expected.map(([c, v]) => [c, v])));
    expect(data.low).toHaveLength(expected.length);
    expect(data.low.map((d: any) => d.code)).toContain("976");
    for (const d of data.low) expect(d.gpDensity.source).toMatchObject({ id: "drees-rpps-2022", vintageInferred: true, note: expect.stringMatching(/inferred/) });
    expect(data.hautesAlpes.gpDensity).toEqual({ value: 273.86, date: "2022-01-01" });
  });

  it("keeps each producer's vintages apart and lists them as history", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "46") {
      cnom: gpDensity(source: CNOM) { value date history { value date source { id } } }
      cnom2010: gpDensity(source: CNOM, vintage: "2010") { value date }
      rpps: gpDensity { history { source { id } } } } }`);
    const d = data.department;
    expect(d.cnom.history.map((h: any) => h.source.id)).toEqual(["cnom-2010", "cnom-2025"]);
    expect(d.cnom.history[1]).toMatchObject({ value: d.cnom.value, date: d.cnom.date });
    expect(d.cnom2010).toEqual({ value: d.cnom.history[0].value, date: "2010" });
    expect(d.rpps.history.map((h: any) => h.source.id)).toEqual(["drees-rpps-2022"]);
  });

  it("refuses a vintage that is not loaded, naming the ones that are", async () => {
    const { errors } = await ctx.api.execute(`{ department(code: "46") { gpDensity(source: CNOM, vintage: "2019") { value } } }`);
    expect(errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors![0].message).toBe('vintage "2019" of CNOM is not loaded (available: 2010, 2025-01-01)');
  });
});

describe("national and regional aggregates are computed from départements, never by adding densities", () => {
  const ctx = useSeededApi();

  it("gives the RPPS file's national GP total and a density from summed populations", async () => {
    const effectifs = fs.readFileSync(path.join(__dirname, "../../seeds/data/rpps-departement-specialite-effectifs.csv"), "utf8");
    const total = effectifs.split("\n").find((l) => l.startsWith("Total général"))!.split(",")[1];
    const { data } = await ctx.api.execute(`{ nationalProfessionals(specialty: "medecine generale") { specialty headcount densityPer100k } }`);
    expect(data.nationalProfessionals).toEqual([{ specialty: "01-Médecine générale", headcount: Number(total), densityPer100k: expect.any(Number) }]);
    expect(data.nationalProfessionals[0].headcount).toBe(99939);
    // SOURCES.md: the national density implied by the file is about 146.8 (the sum of densities would be 14,459).
    expect(data.nationalProfessionals[0].densityPer100k).toBeCloseTo(146.8, 0);
  });

  it("matches CNAM's own published regional densities for liberal GPs within rounding", async () => {
    const csv = fs.readFileSync(path.join(__dirname, "../../seeds/data/ameli-liberaux-effectif-densite-departement-2024.csv"), "utf8");
    const published = csv
      .split("\n")
      .map((l) => l.split(","))
      .find((c) => c[1] === "Ensemble des médecins généralistes" && c[2] === "76" && c[4] === "999")!;
    const { data } = await ctx.api.execute(`{ region(code: "76") { professionals(source: CNAM_LIBERAUX, specialty: "ensemble des medecins generalistes") { headcount densityPer100k } } }`);
    expect(data.region.professionals[0].headcount).toBe(Number(published[9]));
    expect(Math.abs(data.region.professionals[0].densityPer100k - Number(published[10]))).toBeLessThan(0.5);
  });
});
