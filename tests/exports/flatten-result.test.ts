import { flattenResult } from "../../src/exports/flatten-result";

describe("flattenResult: a GraphQL result as rows (the seam for exports of partners' documents)", () => {
  it("makes the first list the rows, nested fields dotted columns, and repeats the fields outside the list", () => {
    const table = flattenResult({
      region: {
        name: "Occitanie",
        zonesRouges: [
          { siren: "200035327", name: "CC Cazals-Salviac", apl: { value: 2.1 }, initiatives: [{ title: "A" }] },
          { siren: "244600573", name: "CC du Causse de Labastide Murat", apl: null, initiatives: [] },
        ],
        zonesRougesCoverage: { known: 28, complete: true },
      },
    });
    expect(table.listPath).toBe("region.zonesRouges");
    expect(table.columns).toEqual(["region.name", "region.zonesRougesCoverage.known", "region.zonesRougesCoverage.complete", "siren", "name", "apl.value", "initiatives", "apl"]);
    expect(table.rows[0]).toEqual({
      "region.name": "Occitanie",
      "region.zonesRougesCoverage.known": 28,
      "region.zonesRougesCoverage.complete": true,
      siren: "200035327",
      name: "CC Cazals-Salviac",
      "apl.value": 2.1,
      initiatives: '[{"title":"A"}]',
    });
    expect(table.rows[1].apl).toBeNull();
    // An empty list: an empty cell.
    expect(table.rows[1].initiatives).toBe("");
  });

  it("gives one row for a result without a list, and joins lists of scalars", () => {
    expect(flattenResult({ commune: { code: "01015", postalCodes: ["01300"], formerCodes: ["01340", "01999"] } })).toEqual({
      listPath: "commune.postalCodes",
      columns: ["commune.code", "commune.formerCodes", "value"],
      rows: [{ "commune.code": "01015", "commune.formerCodes": "01340,01999", value: "01300" }],
    });
    expect(flattenResult({ epci: { siren: "200035327", population: 5539 } })).toEqual({
      listPath: null,
      columns: ["epci.siren", "epci.population"],
      rows: [{ "epci.siren": "200035327", "epci.population": 5539 }],
    });
  });

  it("gives no row for an empty list, and a null result as one row of nulls", () => {
    expect(flattenResult({ zonesRouges: [] }).rows).toEqual([]);
    expect(flattenResult({ commune: null })).toEqual({ listPath: null, columns: ["commune"], rows: [{ commune: null }] });
  });
});
