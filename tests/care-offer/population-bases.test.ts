import { CNAM_DENSITY_BASES } from "../../src/services/care-offer/density-bases";
import { readCsvFile } from "../data-fidelity/fidelity-support";
import { useSeededApi } from "../support/suite";

/**
 * Densities are served on the producer's own population base, and say which: CNAM divides
 * pédiatres by children and gynécologues and sages-femmes by women, so its own région and France
 * figures are served as it publishes them, never recomputed on all inhabitants.
 */
const STAT = "specialty headcount densityPer100k method densityBase { population statedByProducer impliedSize }";
const byName = (list: { specialty: string }[], name: string) => list.find((s) => s.specialty === name) as any;

describe("CNAM: the producer's own région and France figures", () => {
  const ctx = useSeededApi();

  it("serves France's pédiatres, sages-femmes and gynécologues as the file's France rows, per child or per woman", async () => {
    const { data, errors } = await ctx.api.execute(`{ nationalProfessionals(source: CNAM_LIBERAUX) { ${STAT} } }`);
    expect(errors).toBeUndefined();
    const list = data.nationalProfessionals;
    expect(byName(list, "Pédiatres")).toMatchObject({ headcount: 2718, densityPer100k: 23.7, method: null, densityBase: { population: "children under 15", statedByProducer: false } });
    expect(byName(list, "Sages-femmes")).toMatchObject({ headcount: 8190, densityPer100k: 56.3, densityBase: { population: "women aged 15 to 49" } });
    expect(byName(list, "Gynécologues médicaux et obstétriciens")).toMatchObject({ headcount: 4358, densityPer100k: 14.7, densityBase: { population: "women aged 15 or more" } });
    expect(byName(list, "Ensemble des médecins généralistes")).toMatchObject({ headcount: 55546, densityPer100k: 81, densityBase: { population: "inhabitants" } });
  });

  it("serves Île-de-France's pédiatres as the file's région row (34.8 per 100,000 children)", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "11") { professionals(source: CNAM_LIBERAUX, specialty: "pediatres") { ${STAT} } } }`);
    expect(data.region.professionals).toEqual([
      expect.objectContaining({ specialty: "Pédiatres", densityPer100k: 34.8, method: null, densityBase: expect.objectContaining({ population: "children under 15" }) }),
    ]);
  });

  it("names, for each profession, the base its figures imply: a profession on another base implies a far smaller population", () => {
    // France row: headcount ÷ density × 100,000, within the rounding of the published density (one decimal).
    const france = readCsvFile("ameli-liberaux-effectif-densite-departement-2024.csv").filter((r) => r.region === "99");
    const inhabitants = france.find((r) => r.profession_sante === "Ensemble des médecins")!;
    const implied = (r: Record<string, string>, delta: number) => (Number(r.effectif) / (Number(r.densite) + delta)) * 100000;
    for (const row of france) {
      // The two ranges the rounded densities allow overlap: the same population.
      const onInhabitants = implied(row, 0.05) <= implied(inhabitants, -0.05) && implied(inhabitants, 0.05) <= implied(row, -0.05);
      expect([row.profession_sante, onInhabitants]).toEqual([row.profession_sante, !(row.profession_sante in CNAM_DENSITY_BASES)]);
    }
  });
});

describe("computed aggregates use the producer's base, or say they cannot", () => {
  const ctx = useSeededApi();

  it("computes DREES's national density on the population its département densities imply, and says how", async () => {
    const { data } = await ctx.api.execute(`{ nationalProfessionals(specialty: "generale") { ${STAT} } }`);
    const gp = data.nationalProfessionals[0];
    // SOURCES.md §2: the national GP density implied by the file is about 146.8.
    expect(gp).toMatchObject({ specialty: "01-Médecine générale", headcount: 99939, densityBase: { population: "inhabitants", statedByProducer: true } });
    expect(gp.densityPer100k).toBeCloseTo(146.8, 0);
    expect(gp.method).toMatch(/^Computed by this API \(the producer publishes no national figure\): headcounts of 101 départements summed \(vintage 2022-01-01\), divided by the sum of the populations of inhabitants/);
    expect(gp.densityBase.impliedSize).toBeGreaterThan(67_000_000);
  });

  it("says a CNOM regional density is unavailable (densities only) instead of computing one", async () => {
    const { data, errors } = await ctx.api.execute(`{ region(code: "76") { professionals(source: CNOM, specialty: "pediatrie") { ${STAT} } } }`);
    expect(errors).toBeUndefined();
    expect(data.region.professionals).toEqual([
      { specialty: "Pédiatrie", headcount: null, densityPer100k: null, densityBase: null, method: expect.stringMatching(/^Unavailable: the CNOM publishes no région figure, and densities only/) },
    ]);
  });

  it("states the CNOM base as not stated on département densities", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "75") { professionals(source: CNOM, specialty: "pediatrie") { ${STAT} } } }`);
    expect(data.department.professionals[0]).toMatchObject({ densityPer100k: 296, densityBase: { population: "not stated", statedByProducer: false, impliedSize: null } });
  });
});
