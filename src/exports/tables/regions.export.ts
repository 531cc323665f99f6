import { aplOf } from "../../services/care-offer/measure.service";
import { listRegions } from "../../services/territories/territory.service";
import { type Column, figureCells, figureColumns } from "../columns";
import type { ExportDefinition } from "../export-definition";
import { measureFigure, populationFigure, territoriesVintage } from "../provenance";
import { resolveTerritoryFilter, TERRITORY_PARAMS } from "../territory-filters";
import { materialized } from "./materialized";

const COLUMNS: Column[] = [
  { name: "code", type: "string", description: 'INSEE région code ("76").' },
  { name: "name", type: "string", description: "Official name." },
  ...figureColumns("population", "integer", "Sum of the INSEE legal populations of its communes."),
  ...figureColumns("apl", "number", "APL to GPs (DREES): consultations per year per standardised inhabitant, population-weighted mean of its communes."),
];

/** The 18 régions (metropolitan and overseas), with their population and APL. */
export const regionsExport: ExportDefinition = {
  name: "regions",
  title: "Régions: population and access to GPs (APL)",
  description: "The 18 régions of COG 2026, with their population and population-weighted APL to general practitioners.",
  primaryKey: ["code"],
  params: [TERRITORY_PARAMS.region],
  columns: COLUMNS,
  async prepare(ctx, params) {
    const filter = await resolveTerritoryFilter(ctx, params);
    const vintage = await territoriesVintage(ctx);
    const regions = (await listRegions(ctx)).filter((r) => !filter.regionCode || r.code === filter.regionCode);
    const apl = await Promise.all(regions.map((r) => aplOf(ctx, "REGION", r.code)));
    const rows = regions.map((r, i) => ({
      code: r.code,
      name: r.name,
      ...figureCells("population", populationFigure(r.population, vintage)),
      ...figureCells("apl", measureFigure(apl[i])),
    }));
    return {
      columns: COLUMNS,
      ...materialized(rows, COLUMNS),
      coverage: null,
      notes: ["Contours: the union of the départements' contours (IGN Admin Express 2018 geometry, simplified)."],
      filter,
      place: (row) => ({ level: "region", code: String(row.code) }),
    };
  },
};
