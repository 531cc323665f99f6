import type { RequestContext } from "../context/request-context";
import { sql } from "../db/sql-dialect";
import type { Source } from "../entities/shared/source.entity";
import { BadUserInputError } from "../errors/errors";
import { pickVintage, professionalSourceId } from "../services/shared/professional-source.service";
import { GP_SPECIALTY, ProfessionalSource } from "../entities/shared/professional-source";
import { toSearchText } from "../db/search-text";
import { zonesRougesCoverage } from "../services/care-offer/coverage.service";
import { sourceOf } from "../services/shared/source.service";
import { MAP_MEASURES, type MapRequest } from "../entities/care-offer/map-measure";

/** A source as printed on a map: a row of the `source` table, or a text for computed figures. */
export type MapSource = Pick<Source, "producer" | "title" | "vintage" | "vintageInferred" | "licence">;

/** Everything a choropleth prints: one value per département (absent = no figure), where it comes from, caveats. */
export interface MapData {
  title: string;
  unit: string;
  /** The date the figures describe, printed under the title. */
  vintage: string;
  /** Département code → value. */
  values: Map<string, number>;
  /** Département code → name, for the 101 départements. */
  names: Map<string, string>;
  sources: MapSource[];
  notes: string[];
  /** Which end of the scale is the bad one: it gets the darker red ("none": a neutral blue scale). */
  worse: "low" | "high" | "none";
  /** Département code → tooltip text replacing "value unit", when a map says more than its value. */
  labels?: Map<string, string>;
}

interface Row {
  [column: string]: unknown;
}

async function departmentNames(ctx: RequestContext): Promise<Map<string, string>> {
  const rows = await sql<{ code: string; name: string }>(ctx.db, "SELECT code, name FROM department ORDER BY code");
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** GP density, or any specialty of a producer: densities per 100,000 when the producer gives them, headcounts otherwise. */
async function professionalMap(ctx: RequestContext, request: MapRequest, base: Omit<MapData, "title" | "unit" | "vintage" | "values" | "sources" | "notes">): Promise<MapData> {
  const family = request.source ?? ProfessionalSource.DREES_RPPS;
  const { id } = await professionalSourceId(ctx, family, request.vintage);
  let specialty = GP_SPECIALTY[family];
  if (request.measure === "professionals") {
    const available = await sql<{ specialty: string; specialty_search: string }>(
      ctx.db,
      "SELECT DISTINCT specialty, specialty_search FROM professional_stat WHERE source_id = ? ORDER BY specialty",
      [id],
    );
    const wanted = toSearchText(request.specialty ?? "");
    const exact = available.filter((a) => a.specialty_search === wanted);
    const matches = exact.length > 0 ? exact : available.filter((a) => a.specialty_search.includes(wanted));
    if (matches.length !== 1) {
      const listed = (matches.length > 1 ? matches : available).map((a) => a.specialty);
      throw new BadUserInputError(
        `specialty "${request.specialty}" ${matches.length > 1 ? `matches ${matches.length} specialties of ${family}` : `matches no specialty of ${family}`}; ` +
          `give one of: ${listed.slice(0, 50).join("; ")}${listed.length > 50 ? "…" : ""}`,
        { invalidArguments: ["specialty"] },
      );
    }
    specialty = matches[0].specialty;
  }
  const rows = await sql<Row>(ctx.db, "SELECT department_code, headcount, density FROM professional_stat WHERE source_id = ? AND specialty = ?", [id, specialty]);
  const densities = rows.some((r) => r.density !== null);
  const values = new Map<string, number>();
  for (const r of rows) {
    const value = densities ? r.density : r.headcount;
    if (value !== null && value !== undefined) values.set(String(r.department_code), Number(value));
  }
  const source = await sourceOf(ctx, id);
  const label = request.measure === "gpDensity" ? "General practitioners" : specialty;
  return {
    ...base,
    title: densities ? `${label} per 100,000 inhabitants` : `${label}: headcount`,
    unit: densities ? "per 100,000 inhabitants" : "professionals",
    vintage: source.vintage,
    values,
    sources: [source],
    notes: source.note ? [source.note] : [],
  };
}

/** An indicator of the `measure` table (PDSA, barometer): every département's value at one date. */
async function indicatorMap(ctx: RequestContext, request: MapRequest, indicator: string, base: Omit<MapData, "title" | "unit" | "vintage" | "values" | "sources" | "notes">): Promise<MapData> {
  const [definition] = await sql<{ label: string; unit: string }>(ctx.db, "SELECT label, unit FROM indicator_definition WHERE id = ?", [indicator]);
  const rows = await sql<Row>(
    ctx.db,
    "SELECT territory, observed_on, source_id, value FROM measure WHERE indicator = ? AND territory LIKE 'department:%' AND value IS NOT NULL AND observed_on <> 'n.d.' ORDER BY observed_on, source_id",
    [indicator],
  );
  const dates = [...new Set(rows.map((r) => String(r.observed_on)))];
  if (dates.length === 0) throw new BadUserInputError(`no figure per département is loaded for ${request.measure}`);
  const chosen = pickVintage(dates, request.vintage, (d) => d);
  if (!chosen) {
    throw new BadUserInputError(`vintage "${request.vintage}" of ${request.measure} is not loaded (available: ${dates.slice(-24).join(", ")})`, {
      invalidArguments: ["vintage"],
    });
  }
  const values = new Map<string, number>();
  const sourceIds = new Set<string>();
  for (const r of rows) {
    if (String(r.observed_on) !== chosen) continue;
    const code = String(r.territory).slice("department:".length);
    // Two sources for the same date: the first (by id) is drawn, and both are printed.
    if (!values.has(code)) values.set(code, Number(r.value));
    sourceIds.add(String(r.source_id));
  }
  const sources = await Promise.all([...sourceIds].map((id) => sourceOf(ctx, id)));
  return {
    ...base,
    title: definition?.label ?? indicator,
    unit: definition?.unit ?? "",
    vintage: chosen,
    values,
    sources,
    notes: values.size < base.names.size ? [`${values.size} of ${base.names.size} départements have a figure for ${chosen}.`] : [],
  };
}

/**
 * Share of each département's population living in an EPCI designated as a zone rouge. Computed
 * from communes, so that an EPCI straddling two départements counts in each for its own communes.
 */
async function zoneRougeShareMap(ctx: RequestContext, request: MapRequest, base: Omit<MapData, "title" | "unit" | "vintage" | "values" | "sources" | "notes">): Promise<MapData> {
  const confirmedOnly = !(request.includeUnconfirmed ?? false);
  const filter = confirmedOnly ? " WHERE z.confirmed = TRUE" : "";
  const inZones = await sql<Row>(
    ctx.db,
    `SELECT c.department_code AS code, SUM(c.population) AS population FROM commune c
     JOIN epci_commune ec ON ec.commune_code = c.code JOIN zone_rouge z ON z.epci_siren = ec.epci_siren${filter}
     GROUP BY c.department_code`,
  );
  const departments = await sql<Row>(ctx.db, "SELECT code, region_code, population FROM department");
  const [{ n, dated }] = await sql<Row>(ctx.db, `SELECT COUNT(*) AS n, MAX(z.designated_on) AS dated FROM zone_rouge z${filter}`);
  const zonePopulation = new Map(inZones.map((r) => [String(r.code), Number(r.population)]));
  const complete = await completeRegions(ctx);
  const values = new Map<string, number>();
  let unknown = 0;
  for (const d of departments) {
    const population = Number(d.population);
    const inZone = zonePopulation.get(String(d.code));
    // 0 % only where the région's list is complete: elsewhere a département without a known zone may hold one not yet loaded.
    if (inZone === undefined && !complete.has(String(d.region_code))) {
      unknown++;
      continue;
    }
    if (population > 0) values.set(String(d.code), (100 * (inZone ?? 0)) / population);
  }
  const designations = Number(n);
  return {
    ...base,
    title: "Population living in a zone rouge",
    unit: "% of the population",
    vintage: String(dated ?? "2025-06-27"),
    values,
    sources: [
      {
        producer: "Ministère de la Santé (list of 151 EPCI, 27 June 2025), as named by public pages",
        title: `Zones rouges of the Pacte de lutte contre les déserts médicaux: ${designations} ${confirmedOnly ? "confirmed " : ""}designations loaded`,
        vintage: "2025-06-27",
        vintageInferred: false,
        licence: "Public information",
      },
      {
        producer: "INSEE / DGCL",
        title: "Legal populations of the communes and EPCI membership (Code officiel géographique 2026)",
        vintage: "COG 2026",
        vintageInferred: false,
        licence: "Licence Ouverte / Etalab 2.0",
      },
    ],
    notes: [
      "Computed by territoire-santé: population of the communes whose EPCI is a zone rouge, over the population of the département.",
      ...(designations < 151
        ? [
            `Partial list: ${designations} of the 151 EPCI are loaded. A département with no zone loaded is drawn as "no data" (${unknown} ` +
              "départements) unless its région's list is complete; a value is a lower bound where the région's list is incomplete.",
          ]
        : []),
    ],
  };
}

/** Régions whose zones rouges are all known (confirmed), against the count their sources give. */
async function completeRegions(ctx: RequestContext): Promise<Set<string>> {
  const regions = await sql<{ code: string }>(ctx.db, "SELECT code FROM region");
  const coverages = await Promise.all(regions.map((r) => zonesRougesCoverage(ctx, r.code)));
  return new Set(regions.filter((_, i) => coverages[i].complete === true).map((r) => r.code));
}

/**
 * Zones rouges known against expected, per région: each département takes its région's share of
 * the expected zones that are known (confirmed). A région whose expected count no source gives
 * is "no data", never 0.
 */
async function zonesRougesKnownMap(ctx: RequestContext, base: Omit<MapData, "title" | "unit" | "vintage" | "values" | "sources" | "notes">): Promise<MapData> {
  const regions = await sql<{ code: string; name: string }>(ctx.db, "SELECT code, name FROM region ORDER BY code");
  const departments = await sql<{ code: string; region_code: string }>(ctx.db, "SELECT code, region_code FROM department");
  const coverages = await Promise.all(regions.map((r) => zonesRougesCoverage(ctx, r.code)));
  const byRegion = new Map(regions.map((r, i) => [r.code, { name: r.name, coverage: coverages[i] }]));
  const values = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const d of departments) {
    const region = byRegion.get(d.region_code);
    if (!region) continue;
    const { known, confirmed, expected } = region.coverage;
    const held = confirmed ?? known;
    const unconfirmed = known - held > 0 ? `, ${known - held} unconfirmed` : "";
    if (expected === null) {
      labels.set(d.code, `${region.name}: ${held} known${unconfirmed}, expected unknown (no data)`);
      continue;
    }
    values.set(d.code, expected === 0 ? 100 : Math.min(100, (100 * held) / expected));
    labels.set(d.code, `${region.name}: ${held} known${unconfirmed} of ${expected} expected`);
  }
  const sourceIds = [...new Set(coverages.map((c) => c.expectedSourceId).filter((id): id is string => id !== null))];
  const sources = await Promise.all(sourceIds.map((id) => sourceOf(ctx, id)));
  const unknown = regions.filter((_, i) => coverages[i].expected === null).map((r) => r.name);
  return {
    ...base,
    title: "Zones rouges known against expected, by région",
    unit: "% of the région's zones rouges known",
    vintage: "2025-06-27",
    values,
    labels,
    sources,
    notes: [
      "Each département is drawn with its région's share: confirmed zones known over the count ARS or press pages give for the région.",
      ...(unknown.length > 0 ? [`No source gives the count for ${unknown.join(", ")}: drawn as "no data".`] : []),
    ],
  };
}

/** The figures of a map request. A bad request (unknown vintage, ambiguous specialty) is a BadUserInputError. */
export async function departmentMapData(ctx: RequestContext, request: MapRequest): Promise<MapData> {
  const definition = MAP_MEASURES[request.measure];
  const base = { names: await departmentNames(ctx), worse: definition.worse };
  switch (definition.kind) {
    case "gpDensity":
    case "professionals":
      return professionalMap(ctx, request, base);
    case "zoneRougeShare":
      return zoneRougeShareMap(ctx, request, base);
    case "zonesRougesKnown":
      return zonesRougesKnownMap(ctx, base);
    case "indicator":
      return indicatorMap(ctx, request, definition.indicator, base);
  }
}
