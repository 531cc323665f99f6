import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";
import { COMMUNE_COLUMNS, toCommune } from "../../db/rows/commune.rows";
import { communeApl } from "../../services/care-offer/measure.service";
import { type Column, type ExportRow, figureCells, figureColumns } from "../columns";
import type { ExportDefinition } from "../export-definition";
import { measureFigure, populationFigure, TERRITORIES_DATASET, territoriesVintage } from "../provenance";
import { communeConditions, resolveTerritoryFilter, TERRITORY_PARAMS, type TerritoryFilter } from "../territory-filters";

/**
 * Communes per chunk: each chunk is read (3 statements: communes with their EPCI, former codes,
 * APL rows), written, and dropped before the next is read, so memory holds one chunk at a time.
 */
const CHUNK = 2000;

const COLUMNS: Column[] = [
  { name: "code", type: "string", description: 'INSEE commune code of COG 2026 ("38316").' },
  { name: "name", type: "string", description: "Official name." },
  { name: "department_code", type: "string", description: "INSEE code of its département." },
  { name: "region_code", type: "string", description: "INSEE code of its région." },
  { name: "epci_siren", type: "string", description: "SIREN of its EPCI; empty for the four island communes in none." },
  ...figureColumns("population", "integer", "INSEE legal population (population municipale)."),
  { name: "postal_codes", type: "string", description: 'La Poste postal codes serving it, comma-separated ("42000,42100,42230").' },
  { name: "former_codes", type: "string", description: 'INSEE codes of the communes merged into it since, comma-separated ("01340"); files of earlier years use them.' },
  ...figureColumns(
    "apl",
    "number",
    "APL to GPs (DREES): consultations per year per standardised inhabitant; for Paris, Lyon, Marseille and communes merged since, " +
      "the population-weighted mean of the DREES rows that fall in it. Empty for Mayotte (not computed by DREES) and communes without a row.",
  ),
];

async function* chunks(contextFor: () => RequestContext, filter: TerritoryFilter, vintage: string): AsyncGenerator<ExportRow[]> {
  const condition = communeConditions(filter);
  let after = "";
  for (;;) {
    // A context per chunk: its loaders' caches go with the chunk.
    const ctx = contextFor();
    const rows = await sql<Record<string, unknown>>(
      ctx.db,
      `SELECT ${COMMUNE_COLUMNS}, ec.epci_siren FROM commune c LEFT JOIN epci_commune ec ON ec.commune_code = c.code
       WHERE ${[...condition.where, "c.code > ?"].join(" AND ")} ORDER BY c.code LIMIT ?`,
      [...condition.params, after, CHUNK],
    );
    if (rows.length === 0) return;
    const communes = rows.map(toCommune);
    const [formerCodes, apl] = await Promise.all([
      ctx.loaders.commune.formerCodes.loadMany(communes.map((c) => c.code)),
      Promise.all(communes.map((c) => communeApl(ctx, c.code))),
    ]);
    yield communes.map((c, i) => {
      const former = formerCodes[i];
      if (former instanceof Error) throw former;
      return {
        code: c.code,
        name: c.name,
        department_code: c.departmentCode,
        region_code: c.regionCode,
        epci_siren: rows[i].epci_siren === null || rows[i].epci_siren === undefined ? null : String(rows[i].epci_siren),
        ...figureCells("population", populationFigure(c.population, vintage)),
        postal_codes: c.postalCodes.join(","),
        former_codes: former.join(","),
        ...figureCells("apl", measureFigure(apl[i])),
      };
    });
    if (rows.length < CHUNK) return;
    after = communes[communes.length - 1].code;
  }
}

/** The 34,875 communes, streamed: never whole in memory, whatever the format. */
export const communesExport: ExportDefinition = {
  name: "communes",
  title: "Communes: population, postal and former codes, access to GPs (APL)",
  description:
    "The 34,875 communes of COG 2026 (metropolitan France and the five DROM) with their EPCI, postal codes, former INSEE codes " +
    "and APL to general practitioners. Streamed: the whole country is one request, in any format.",
  primaryKey: ["code"],
  params: [TERRITORY_PARAMS.region, TERRITORY_PARAMS.department, TERRITORY_PARAMS.epci, TERRITORY_PARAMS.commune, TERRITORY_PARAMS.postalCode],
  columns: COLUMNS,
  async prepare(ctx, params, contextFor) {
    const filter = await resolveTerritoryFilter(ctx, params);
    const vintage = await territoriesVintage(ctx);
    // The rows are not read yet: the sources they may cite are those of the APL rows held.
    const aplSources = await sql<{ source_id: string }>(
      ctx.db,
      "SELECT DISTINCT source_id FROM apl_commune UNION SELECT DISTINCT source_id FROM apl_aggregate WHERE level = 'COMMUNE' ORDER BY source_id",
    );
    return {
      columns: COLUMNS,
      sourceIds: [TERRITORIES_DATASET, ...aplSources.map((s) => s.source_id)],
      coverage: null,
      notes: [
        "APL: DREES does not compute it for Mayotte; an empty cell is no figure, never 0.",
        "Contours (GeoJSON): the 2018 commune polygons (IGN Admin Express) dissolved by commune of COG 2026; 7 communes re-established since 2018 have no polygon of their own (geometry null).",
      ],
      filter,
      place: (row) => ({ level: "commune", code: String(row.code) }),
      rows: () => chunks(contextFor, filter, vintage),
    };
  },
};
