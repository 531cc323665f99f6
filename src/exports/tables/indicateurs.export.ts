import { sql } from "../../db/sql-dialect";
import { BadUserInputError } from "../../errors/errors";
import { TERRITORY_KEY } from "../../validation/territory-codes";
import { VINTAGE } from "../../validation/vintage";
import { type Column, figureCells, figureColumns } from "../columns";
import type { ExportDefinition, Place } from "../export-definition";
import { listParam } from "../export-params";
import { resolveTerritoryFilter } from "../territory-filters";
import { materialized } from "./materialized";

const COLUMNS: Column[] = [
  { name: "territory", type: "string", description: '"FR" (France), "region:<code>" or "department:<code>".' },
  { name: "indicator", type: "string", description: 'Identifier of the indicator ("gp-count", "sas-coverage").' },
  { name: "label", type: "string", description: "What the indicator counts, in short." },
  { name: "unit", type: "string", description: "Unit of the value." },
  ...figureColumns("value", "number", "The published figure; its vintage is the date it describes."),
  { name: "description", type: "string", description: "What the figure measures and its caveats." },
];

/** Where an indicator's territory key sits on the map. */
function placeOf(territory: string): Place {
  if (territory.startsWith("region:")) return { level: "region", code: territory.slice("region:".length) };
  if (territory.startsWith("department:")) return { level: "department", code: territory.slice("department:".length) };
  return null;
}

/** Published figures of one territory, as `indicators(territory:)` gives them. */
export const indicateursExport: ExportDefinition = {
  name: "indicateurs",
  title: "Published figures about access to care, for France, a région or a département",
  description:
    "Every published figure the API holds for a territory (France by default): national figures of 2025 reports, regional counts, " +
    "and per département the baromètre indicators and PDSA participation, each with its source and the date it describes.",
  primaryKey: ["territory", "indicator", "value_vintage", "value_source"],
  params: [
    { name: "territory", description: 'Territory: "FR" (France, the default), "region:76" or "department:46".', example: "department:46", pattern: TERRITORY_KEY, hint: '"FR", "region:<code>" or "department:<code>"' },
    { name: "measure", description: 'Comma-separated indicator ids to keep ("sas-coverage,maisons-de-sante"). An unknown id answers 400 with the valid ones.', example: "sas-coverage", pattern: /^[a-z0-9-]+(,[a-z0-9-]+)*$/, hint: "indicator ids separated by commas" },
    { name: "vintage", description: 'Only figures of this date or year ("2024" keeps every date of 2024).', example: "2024", pattern: VINTAGE, hint: 'a year or a date, e.g. "2025" or "2024-09-01"' },
    { name: "latestOnly", description: "true: only the latest figure of each indicator (after the vintage filter). Default false.", enum: ["true", "false"] },
  ],
  columns: COLUMNS,
  async prepare(ctx, params) {
    const territory = params.territory ?? "FR";
    const place = placeOf(territory);
    // The territory must exist: "department:99" is well formed but names nothing.
    const filter = await resolveTerritoryFilter(ctx, place ? { [place.level]: place.code } : {});
    const measures = listParam(params.measure);
    if (measures) {
      const known = (await sql<{ id: string }>(ctx.db, "SELECT id FROM indicator_definition ORDER BY id")).map((r) => r.id);
      const unknown = measures.filter((m) => !known.includes(m));
      if (unknown.length > 0) {
        throw new BadUserInputError(`unknown measure ${unknown.map((u) => `"${u}"`).join(", ")}; valid measures: ${known.join(", ")}`, { invalidArguments: ["measure"], validValues: known });
      }
    }
    let figures = (await ctx.loaders.measure.byTerritory.load(territory)).filter(
      (r) => (!measures || measures.includes(r.indicator)) && (!params.vintage || r.observedOn.startsWith(params.vintage)),
    );
    if (params.latestOnly === "true") figures = figures.filter((r, i) => figures[i + 1]?.indicator !== r.indicator);
    const rows = figures.map((r) => ({
      territory: r.territory,
      indicator: r.indicator,
      label: r.label,
      unit: r.unit,
      ...figureCells("value", { value: r.value, source: r.sourceId, vintage: r.observedOn }),
      description: r.note ? `${r.description} ${r.note}` : r.description,
    }));
    return {
      columns: COLUMNS,
      ...materialized(rows, COLUMNS),
      coverage: null,
      notes: ["GeoJSON: figures of France have no geometry (null); a région's contour is the union of its départements'."],
      filter,
      place: () => place,
    };
  },
};
