import type { RequestContext } from "../../context/request-context";
import type { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { BadUserInputError } from "../../errors/errors";
import type { AplLevel } from "../../loaders/care-offer/apl.loader";
import { latestMeasured, type MeasureRow } from "../../loaders/care-offer/measure.loader";
import type { DatedStat } from "../../db/rows/professional-stat.rows";
import { Measure, type SeriesKey } from "../../entities/care-offer/measure.type";
import { indicatorMapMeasure, type MapRequest } from "../../entities/care-offer/map-measure";
import { familyOf, GP_SPECIALTY, type ProfessionalSource } from "../../entities/shared/professional-source";
import { toSearchText } from "../../db/search-text";
import { pickVintage, professionalSourceId } from "../shared/professional-source.service";

export const UNITS = {
  density: "per 100,000 inhabitants",
  apl: "consultations per year per standardised inhabitant",
} as const;

const APL_WEIGHTED_SOURCE = "drees-apl-2023-weighted";

function measure(fields: Omit<Measure, "target" | "method"> & Partial<Pick<Measure, "target" | "method">>): Measure {
  return Object.assign(new Measure(), { target: null, method: null, ...fields });
}

/** The département map of a stored figure: a mapped indicator, for a département, at the figure's date. */
function indicatorMap(series: SeriesKey, date: string): MapRequest | null {
  if (series.kind !== "measure" || !series.territory.startsWith("department:")) return null;
  const name = indicatorMapMeasure(series.indicator);
  return name ? { measure: name, vintage: date } : null;
}

/** A stored dated figure as a Measure (rows without a value give null). */
export function measureFromRow(row: MeasureRow, series: SeriesKey): Measure | null {
  if (row.value === null) return null;
  return measure({
    value: row.value,
    unit: row.unit,
    date: row.observedOn,
    target: row.target,
    sourceId: row.sourceId,
    series,
    method: row.note,
    map: indicatorMap(series, row.observedOn),
  });
}

/** The GP density map of a producer's vintage. */
function gpDensityMap(sourceId: string, vintage: string): MapRequest | null {
  const family = familyOf(sourceId);
  return family ? { measure: "gpDensity", source: family, vintage } : null;
}

/** Latest value of an indicator for a territory key ("department:46"), with its series for `history`. */
export async function latestIndicator(ctx: RequestContext, indicator: string, territory: string): Promise<Measure | null> {
  const rows = await ctx.loaders.measure.series.with(indicator).load(territory);
  const latest = latestMeasured(rows);
  return latest ? measureFromRow(latest, { kind: "measure", indicator, territory }) : null;
}

export function matchesSpecialty(stat: ProfessionalStat, specialty: string | null | undefined): boolean {
  return !specialty || stat.specialtySearch.includes(toSearchText(specialty));
}

/** GP density of a département from one family and vintage, with the family's other vintages as history. */
export async function gpDensity(ctx: RequestContext, departmentCode: string, family: ProfessionalSource, vintage?: string | null): Promise<Measure | null> {
  const source = await professionalSourceId(ctx, family, vintage);
  const stats = await ctx.loaders.professional.byDepartment.with(source.id).load(departmentCode);
  const gp = stats.find((d) => d.stat.specialty === GP_SPECIALTY[family]);
  if (!gp || gp.stat.densityPer100k === null) return null;
  return measure({
    value: gp.stat.densityPer100k,
    unit: UNITS.density,
    date: gp.vintage,
    sourceId: source.id,
    series: { kind: "professional", territory: departmentCode, specialty: gp.stat.specialty, sourceIds: source.family },
    map: gpDensityMap(source.id, gp.vintage),
  });
}

/**
 * Adds up département stats into one territory's: headcounts are summed, and the density is
 * summed headcounts over summed populations, each population implied by the producer's own
 * headcount and density for that département. Densities are never added. Sources that publish
 * densities only (CNOM) have no headcount to sum: their aggregates are left out.
 */
export function aggregateStats(departmentStats: DatedStat[], territory: string): ProfessionalStat[] {
  const population = new Map<string, number>();
  for (const { stat } of departmentStats) {
    if (stat.headcount && stat.densityPer100k) {
      const implied = (stat.headcount / stat.densityPer100k) * 100000;
      // The largest headcount gives the most precise implied population (densities are rounded).
      const best = population.get(`${stat.sourceId}|${stat.departmentCode}|n`);
      if (best === undefined || stat.headcount > best) {
        population.set(`${stat.sourceId}|${stat.departmentCode}|n`, stat.headcount);
        population.set(`${stat.sourceId}|${stat.departmentCode}`, implied);
      }
    }
  }
  const sums = new Map<string, { stat: ProfessionalStat; headcount: number; population: number; complete: boolean }>();
  for (const { stat } of departmentStats) {
    if (stat.headcount === null) continue;
    const key = `${stat.sourceId}|${stat.specialty}`;
    let sum = sums.get(key);
    if (!sum) {
      const aggregate = Object.assign(new ProfessionalStat(), { ...stat, departmentCode: territory });
      sums.set(key, (sum = { stat: aggregate, headcount: 0, population: 0, complete: true }));
    }
    sum.headcount += stat.headcount;
    const p = population.get(`${stat.sourceId}|${stat.departmentCode}`);
    if (p === undefined) sum.complete = false;
    else sum.population += p;
  }
  return [...sums.values()]
    .map(({ stat, headcount, population: p, complete }) => {
      stat.headcount = headcount;
      stat.densityPer100k = complete && p > 0 ? Math.round((headcount / p) * 100000 * 100) / 100 : null;
      return stat;
    })
    .sort((a, b) => a.specialty.localeCompare(b.specialty));
}

/** Population-weighted APL of an EPCI, département or région. */
export async function aplOf(ctx: RequestContext, level: AplLevel, code: string): Promise<Measure | null> {
  const aggregate = await ctx.loaders.apl.aggregate.with(level).load(code);
  if (!aggregate) return null;
  return measure({
    value: aggregate.value,
    unit: UNITS.apl,
    date: "2023",
    sourceId: aggregate.sourceId,
    series: { kind: "single" },
    method: `Population-weighted mean of the APL of ${aggregate.communes} communes (${aggregate.population.toLocaleString("en-US")} inhabitants, INSEE RP2021)`,
  });
}

/** A commune's APL: as published, or weighted over its arrondissements (Paris, Lyon, Marseille). */
export async function communeApl(ctx: RequestContext, code: string): Promise<Measure | null> {
  const rows = await ctx.loaders.apl.byCommune.load(code);
  if (rows.length === 0) return null;
  if (rows.length === 1) return measure({ value: rows[0].value, unit: UNITS.apl, date: "2023", sourceId: rows[0].sourceId, series: { kind: "single" } });
  const weighted = rows.filter((r) => r.population && r.population > 0);
  const population = weighted.reduce((s, r) => s + (r.population ?? 0), 0);
  return measure({
    value: weighted.reduce((s, r) => s + r.value * (r.population ?? 0), 0) / population,
    unit: UNITS.apl,
    date: "2023",
    sourceId: APL_WEIGHTED_SOURCE,
    series: { kind: "single" },
    method: `Population-weighted mean of the APL of its ${rows.length} arrondissements (${rows.map((r) => r.codgeo).join(", ")})`,
  });
}

/** The other dates of a Measure's series, oldest first (the Measure itself included). */
export async function historyOf(ctx: RequestContext, m: Measure): Promise<Measure[]> {
  const series = m.series;
  if (series.kind === "single") return [m];
  if (series.kind === "measure") {
    const rows = await ctx.loaders.measure.series.with(series.indicator).load(series.territory);
    // Each point keeps its own source: a later import of the same indicator adds points, never blends them.
    return rows.map((r) => measureFromRow(r, series)).filter((x): x is Measure => x !== null);
  }
  const points = await Promise.all(
    series.sourceIds.map(async (sourceId) => {
      const stats = await ctx.loaders.professional.byDepartment.with(sourceId).load(series.territory);
      const stat = stats.find((d) => d.stat.specialty === series.specialty);
      return stat && stat.stat.densityPer100k !== null
        ? measure({ value: stat.stat.densityPer100k, unit: UNITS.density, date: stat.vintage, sourceId, series, map: gpDensityMap(sourceId, stat.vintage) })
        : null;
    }),
  );
  return points.filter((x): x is Measure => x !== null).sort((a, b) => String(a.date).localeCompare(String(b.date)));
}

/**
 * Professionals of a commune from one RPPS extraction (the latest by default), optionally only
 * those whose profession or specialty contains a text. Empty until an extraction is imported.
 */
export async function communeProfessionals(ctx: RequestContext, communeCode: string, text?: string | null, vintage?: string | null): Promise<ProfessionalCount[]> {
  const sources = await ctx.loaders.professional.communeSources();
  if (sources.length === 0) return [];
  const chosen = pickVintage(sources, vintage, (s) => s.vintage);
  if (!chosen) throw new BadUserInputError(`RPPS extraction "${vintage}" is not loaded (available: ${sources.map((s) => s.vintage).join(", ")})`, { invalidArguments: ["vintage"] });
  const counts = await ctx.loaders.professional.byCommune.with(chosen.id).load(communeCode);
  if (!text) return counts;
  const wanted = toSearchText(text);
  return counts.filter((c) => c.searchText.includes(wanted));
}
