import { zonesRougesCoverage } from "../../services/care-offer/coverage.service";
import { aplOf } from "../../services/care-offer/measure.service";
import { zoneRougeSirens } from "../../services/care-offer/zone-rouge.service";
import { type Column, figureCells, figureColumns } from "../columns";
import type { ExportCoverage, ExportDefinition } from "../export-definition";
import { measureFigure, populationFigure, territoriesVintage } from "../provenance";
import { resolveTerritoryFilter, TERRITORY_PARAMS } from "../territory-filters";
import { materialized } from "./materialized";

const COLUMNS: Column[] = [
  { name: "siren", type: "string", description: "SIREN of the EPCI designated." },
  { name: "name", type: "string", description: "Official name of the EPCI." },
  ...figureColumns("population", "integer", "Total population of the EPCI (INSEE, as the DGCL lists it)."),
  { name: "department_codes", type: "string", description: "Départements its communes lie in, comma-separated." },
  { name: "region_codes", type: "string", description: "Régions of those départements, comma-separated." },
  ...figureColumns("designation", "boolean", "Always true: a designation as zone rouge; its source is the page that names the EPCI, its vintage the designation date."),
  { name: "confirmed", type: "boolean", description: "false when our reading of the page naming it is uncertain (left out unless includeUnconfirmed=true)." },
  { name: "programme", type: "string", description: "The programme that designates it." },
  ...figureColumns("apl", "number", "APL to GPs (DREES) of the EPCI: population-weighted mean of its communes."),
  {
    name: "list_coverage",
    type: "string",
    description: "How complete the list in this file is (the same on every row, so that the file says it wherever it goes): known against expected zones rouges.",
  },
];

/** Coverage in words, for the CSV's `list_coverage` column. */
function coverageSentence(c: ExportCoverage, scope: string): string {
  const held = c.confirmed ?? c.known;
  if (c.expected === null) return `${held} zones rouges known ${scope}; the expected count is unknown: partial list`;
  return `${held} of ${c.expected} zones rouges known ${scope}${c.complete ? ": complete list" : ": partial list"}`;
}

/** The zones rouges we hold, with how complete the list is, inside the file. */
export const zonesRougesExport: ExportDefinition = {
  name: "zones-rouges",
  title: "Zones rouges (2025) known, with how complete the list is",
  description:
    "EPCI designated as zones rouges of the Pacte de lutte contre les déserts médicaux (ministry list of 151, 27 June 2025). The " +
    "official file is not public: the list holds those public pages name, each with its page as source, and says how partial it is " +
    "(coverage in the datapackage and GeoJSON, `list_coverage` in every CSV row).",
  primaryKey: ["siren"],
  params: [
    TERRITORY_PARAMS.region,
    TERRITORY_PARAMS.department,
    { name: "includeUnconfirmed", description: "true: also the zones whose reading of the page is uncertain (confirmed = false). Default false.", enum: ["true", "false"] },
  ],
  columns: COLUMNS,
  async prepare(ctx, params) {
    const filter = await resolveTerritoryFilter(ctx, params);
    const vintage = await territoriesVintage(ctx);
    const sirens = await zoneRougeSirens(ctx, params.includeUnconfirmed === "true");
    const zones = await Promise.all(
      sirens.map(async (siren) => {
        const [epci, zone, departments, apl] = await Promise.all([
          ctx.loaders.epci.bySiren.load(siren),
          ctx.loaders.zoneRouge.byEpci.load(siren),
          ctx.loaders.department.byEpci.load(siren),
          aplOf(ctx, "EPCI", siren),
        ]);
        if (!epci || !zone) throw new Error(`zone rouge ${siren} has no EPCI or designation row`);
        return { epci, zone, departments, apl };
      }),
    );
    const within = zones.filter(
      ({ departments }) =>
        (!filter.regionCode || departments.some((d) => d.regionCode === filter.regionCode)) &&
        (!filter.departmentCode || departments.some((d) => d.code === filter.departmentCode)),
    );
    const national = await zonesRougesCoverage(ctx, filter.regionCode ?? null);
    const coverage: ExportCoverage = {
      unit: national.unit,
      known: national.known,
      confirmed: national.confirmed,
      expected: national.expected,
      complete: national.complete,
      note: national.note,
      expectedSource: national.expectedSourceId,
    };
    const scope = filter.regionCode ? `in région ${filter.regionCode}` : "in France";
    const sentence = coverageSentence(coverage, scope);
    const rows = within.map(({ epci, zone, departments, apl }) => ({
      siren: epci.siren,
      name: epci.name,
      ...figureCells("population", populationFigure(epci.population, vintage)),
      department_codes: departments.map((d) => d.code).join(","),
      region_codes: [...new Set(departments.map((d) => d.regionCode))].join(","),
      ...figureCells("designation", { value: true, source: zone.sourceId, vintage: zone.designatedOn }),
      confirmed: zone.confirmed,
      programme: zone.programme,
      ...figureCells("apl", measureFigure(apl)),
      list_coverage: sentence,
    }));
    return {
      columns: COLUMNS,
      ...materialized(rows, COLUMNS, coverage.expectedSource ? [coverage.expectedSource] : []),
      coverage,
      notes: [
        `Partial list: ${sentence}. An EPCI missing from this file may still be a zone rouge.`,
        ...(filter.departmentCode ? ["The coverage counts are national (or the région's): no source states counts per département."] : []),
      ],
      filter,
      place: (row) => ({ level: "epci", code: String(row.siren) }),
    };
  },
};
