import { sql } from "../../db/sql-dialect";
import { EPCI_COLUMNS, toEpci } from "../../db/rows/epci.rows";
import { aplOf } from "../../services/care-offer/measure.service";
import { type Column, figureCells, figureColumns } from "../columns";
import type { ExportDefinition } from "../export-definition";
import { measureFigure, populationFigure, territoriesVintage } from "../provenance";
import { epciConditions, resolveTerritoryFilter, TERRITORY_PARAMS } from "../territory-filters";
import { materialized } from "./materialized";

const COLUMNS: Column[] = [
  { name: "siren", type: "string", description: 'SIREN of the EPCI ("200035327").' },
  { name: "name", type: "string", description: "Official name." },
  { name: "kind", type: "string", description: "METROPOLE, CU (communauté urbaine), CA (communauté d'agglomération) or CC (communauté de communes)." },
  ...figureColumns("population", "integer", "Total population of the EPCI (INSEE, as the DGCL lists it)."),
  { name: "department_codes", type: "string", description: 'Départements its communes lie in, comma-separated ("03,58" for an EPCI straddling two).' },
  { name: "region_codes", type: "string", description: "Régions of those départements, comma-separated." },
  ...figureColumns("apl", "number", "APL to GPs (DREES): consultations per year per standardised inhabitant, population-weighted mean of its communes."),
  ...figureColumns(
    "zone_rouge",
    "boolean",
    "true when the EPCI is a known zone rouge (Pacte de lutte contre les déserts médicaux, list of 27 June 2025); empty otherwise: " +
      "the list we hold is partial (see coverage in the datapackage), so an empty cell is not a no. Its vintage is the designation date.",
  ),
  { name: "zone_rouge_confirmed", type: "boolean", description: "For a zone rouge: false when our reading of the page naming it is uncertain." },
];

/** The 1,255 EPCI with their APL and zone-rouge designation. */
export const epcisExport: ExportDefinition = {
  name: "epcis",
  title: "EPCI: population, access to GPs (APL) and zones rouges",
  description:
    "The 1,255 EPCI à fiscalité propre of COG 2026 (métropoles, communautés urbaines, d'agglomération and de communes), with " +
    "their départements, population-weighted APL and zone-rouge designation.",
  primaryKey: ["siren"],
  params: [TERRITORY_PARAMS.region, TERRITORY_PARAMS.department, TERRITORY_PARAMS.epci, TERRITORY_PARAMS.commune, TERRITORY_PARAMS.postalCode],
  columns: COLUMNS,
  async prepare(ctx, params) {
    const filter = await resolveTerritoryFilter(ctx, params);
    const vintage = await territoriesVintage(ctx);
    const condition = epciConditions(filter);
    const epcis = (
      await sql<Record<string, unknown>>(
        ctx.db,
        `SELECT ${EPCI_COLUMNS} FROM epci e${condition.where.length ? ` WHERE ${condition.where.join(" AND ")}` : ""} ORDER BY e.siren`,
        condition.params,
      )
    ).map(toEpci);
    const rows = await Promise.all(
      epcis.map(async (e) => {
        const [departments, apl, zone] = await Promise.all([
          ctx.loaders.department.byEpci.load(e.siren),
          aplOf(ctx, "EPCI", e.siren),
          ctx.loaders.zoneRouge.byEpci.load(e.siren),
        ]);
        return {
          siren: e.siren,
          name: e.name,
          kind: e.kind,
          ...figureCells("population", populationFigure(e.population, vintage)),
          department_codes: departments.map((d) => d.code).join(","),
          region_codes: [...new Set(departments.map((d) => d.regionCode))].join(","),
          ...figureCells("apl", measureFigure(apl)),
          ...figureCells("zone_rouge", zone ? { value: true, source: zone.sourceId, vintage: zone.designatedOn } : null),
          zone_rouge_confirmed: zone ? zone.confirmed : null,
        };
      }),
    );
    return {
      columns: COLUMNS,
      ...materialized(rows, COLUMNS),
      coverage: null,
      notes: [
        "zone_rouge is filled for the zones rouges we hold only: the ministry's list of 151 is not public (see /exports/zones-rouges.datapackage.json for its coverage).",
        "Contours: the 2018 commune polygons (IGN Admin Express) dissolved by EPCI of COG 2026; the four island communes outside any EPCI are in no shape.",
      ],
      filter,
      place: (row) => ({ level: "epci", code: String(row.siren) }),
    };
  },
};
