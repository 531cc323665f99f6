import { parse } from "csv-parse/sync";
import fs from "node:fs";
import { dataFile } from "../../seeds/data-files";
import { useSeededApi } from "../support/suite";

const COVERAGE = "known confirmed unconfirmed expected complete expectedSource { producer title vintage url }";

/** Rows of a bundled CSV, read independently of the importers. */
function csvRows(name: string): Record<string, string>[] {
  return parse(fs.readFileSync(dataFile(name)), { columns: true, bom: true, skip_empty_lines: true });
}

describe("zones rouges: every list answers how complete it is", () => {
  const ctx = useSeededApi();

  it("France: 69 known (61 confirmed, 8 unconfirmed) of the 151 the ministry published", async () => {
    const { data, errors } = await ctx.api.execute(`{ zonesRougesCoverage { unit ${COVERAGE} note } zonesRouges(includeUnconfirmed: true) { siren } }`);
    expect(errors).toBeUndefined();
    expect(data.zonesRougesCoverage).toMatchObject({ unit: "zones rouges (EPCI)", known: 69, confirmed: 61, unconfirmed: 8, expected: 151, complete: false });
    // The list of 27 June 2025 itself: its page is not reachable, so no address is given rather than the ministry's home page.
    expect(data.zonesRougesCoverage.expectedSource).toMatchObject({ producer: expect.stringMatching(/^Ministère de la Santé/), vintage: "2025-06-27", url: null });
    expect(data.zonesRouges).toHaveLength(data.zonesRougesCoverage.known);
  });

  it("Grand Est: an empty list answers 0 known of 10, with the ARS page that gives the 10", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "44") { name zonesRouges { name } zonesRougesCoverage { ${COVERAGE} } } }`);
    expect(data.region.zonesRouges).toEqual([]);
    expect(data.region.zonesRougesCoverage).toMatchObject({ known: 0, confirmed: 0, unconfirmed: 0, expected: 10, complete: false });
    expect(data.region.zonesRougesCoverage.expectedSource).toMatchObject({
      url: "https://www.grand-est.ars.sante.fr/un-medecin-pres-de-chez-vous-appel-aux-medecins-volontaires-1",
      vintage: "2025-06-27",
    });
  });

  it("Bourgogne-Franche-Comté: 0 known, expected unknown (null, never 0), completeness unknown", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "27") { zonesRougesCoverage { ${COVERAGE} note } } }`);
    expect(data.region.zonesRougesCoverage).toMatchObject({ known: 0, expected: null, complete: null, expectedSource: null });
    expect(data.region.zonesRougesCoverage.note).toMatch(/No source found states how many/);
  });

  it("Île-de-France: 0 known of 0 is a complete list", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "11") { zonesRougesCoverage { known expected complete } } }`);
    expect(data.region.zonesRougesCoverage).toEqual({ known: 0, expected: 0, complete: true });
  });

  it("every région counts its zones as the file places them, against the count its file line gives", async () => {
    const zones = csvRows("zones-rouges-2025.csv");
    const expectedCounts = csvRows("zones-rouges-2025-regions.csv");
    const { data } = await ctx.api.execute(`{ regions { code name zonesRougesCoverage { known confirmed expected } } }`);
    let known = 0;
    for (const region of data.regions) {
      const inFile = zones.filter((z) => z.region.replace("Ile-", "Île-") === region.name);
      const line = expectedCounts.find((r) => r.region_code === region.code)!;
      expect({ region: region.name, ...region.zonesRougesCoverage }).toEqual({
        region: region.name,
        known: inFile.length,
        confirmed: inFile.filter((z) => z.match !== "uncertain").length,
        expected: line.expected === "" ? null : Number(line.expected),
      });
      known += region.zonesRougesCoverage.known;
    }
    expect(known).toBe(zones.length);
  });

  it("answers the coverage of every région in at most 4 SQL statements (régions, zones, counts, sources), and the hero query stays at 3", async () => {
    const all = await ctx.api.execute(`{ regions { zonesRougesCoverage { known expected expectedSource { title } } } }`);
    expect(all.errors).toBeUndefined();
    expect(all.sqlStatements).toBeLessThanOrEqual(4);
    const hero = await ctx.api.execute(`{ region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`);
    expect(hero.sqlStatements).toBeLessThanOrEqual(3);
  });
});
