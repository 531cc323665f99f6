import fs from "node:fs";
import path from "node:path";
import epcis from "@etalab/decoupage-administratif/data/epci.json";
import { useSeededApi } from "../support/suite";

/** APL and population of each commune, read straight from the bundled DREES file. */
function aplFile(): Map<string, { apl: number; population: number | null }> {
  const lines = fs.readFileSync(path.join(__dirname, "../../seeds/data/drees-apl-mg-communes.csv"), "utf8").trim().split("\n").slice(1);
  return new Map(
    lines.map((l) => {
      const [codgeo, apl, , population] = l.split(",");
      return [codgeo, { apl: Number(apl), population: population === "" ? null : Number(population) }];
    }),
  );
}

describe("APL (accessibilité potentielle localisée) by territory", () => {
  const ctx = useSeededApi();

  it("gives CC Cazals-Salviac the population-weighted mean of its communes' APL, as the file computes it", async () => {
    const file = aplFile();
    const members = (epcis as { code: string; membres: { code: string }[] }[]).find((e) => e.code === "200035327")!.membres;
    let weighted = 0;
    let population = 0;
    for (const m of members) {
      const row = file.get(m.code)!;
      weighted += row.apl * row.population!;
      population += row.population!;
    }
    const { data } = await ctx.api.execute(`{ epci(siren: "200035327") { apl { value unit date method source { id title note } } } }`);
    expect(data.epci.apl.value).toBeCloseTo(weighted / population, 10);
    expect(data.epci.apl.unit).toBe("consultations per year per standardised inhabitant");
    expect(data.epci.apl.method).toBe(`Population-weighted mean of the APL of ${members.length} communes (${population.toLocaleString("en-US")} inhabitants, INSEE RP2021)`);
    expect(data.epci.apl.source.title).toMatch(/population-weighted mean/);
  });

  it("gives a commune its APL as published, and Paris the weighted mean of its arrondissements", async () => {
    const file = aplFile();
    const { data } = await ctx.api.execute(`{ a: commune(code: "46066") { apl { value method source { id } } } paris: commune(code: "75056") { apl { value method } } }`);
    expect(data.a.apl).toEqual({ value: file.get("46066")!.apl, method: null, source: { id: "drees-apl-2023" } });
    const arrondissements = [...file].filter(([code]) => code.startsWith("751"));
    const mean = arrondissements.reduce((s, [, r]) => s + r.apl * r.population!, 0) / arrondissements.reduce((s, [, r]) => s + r.population!, 0);
    expect(data.paris.apl.value).toBeCloseTo(mean, 10);
    expect(data.paris.apl.method).toMatch(/20 arrondissements/);
  });

  it("ranks EPCI from the most under-served, designated zone rouge or not", async () => {
    const { data } = await ctx.api.execute(`{ epcis(first: 20, orderBy: APL_ASC, filter: { maxApl: 2.5 }) {
      totalCount edges { node { siren apl { value } zoneRouge { confirmed } } } } }`);
    const values = data.epcis.edges.map((e: any) => e.node.apl.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.every((v: number) => v <= 2.5)).toBe(true);
    expect(data.epcis.totalCount).toBeGreaterThan(20);
    expect(data.epcis.edges.some((e: any) => e.node.zoneRouge === null)).toBe(true);
  });

  it("has no APL for Mayotte, which DREES does not cover", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "976") { apl { value } } }`);
    expect(data.department.apl).toBeNull();
  });
});
