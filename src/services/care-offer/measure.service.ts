import type { RequestContext } from "../../context/request-context";
import type { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import type { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { BadUserInputError } from "../../errors/errors";
import type { AplCommuneRow, AplLevel } from "../../loaders/care-offer/apl.loader";
import { latestMeasured, type MeasureRow } from "../../loaders/care-offer/measure.loader";
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

function measure(fields: Omit<Measure, "target" | "method" | "note"> & Partial<Pick<Measure, "target" | "method" | "note">>): Measure {
  return Object.assign(new Measure(), { target: null, method: null, note: null, ...fields });
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

/** Communes that DREES gives by arrondissement: Paris, Marseille, Lyon. */
const CITIES_BY_ARRONDISSEMENT = new Set(["75056", "13055", "69123"]);

/**
 * A file's population "disagrees" with the commune's when they differ by more than a fifth and by
 * more than 50 inhabitants: beyond the drift between census years, the row likely describes
 * another perimeter (a commune split or merged since).
 */
export function populationsDisagree(filePopulation: number | null, communePopulation: number): boolean {
  if (filePopulation === null) return true;
  const gap = Math.abs(filePopulation - communePopulation);
  return gap > 50 && gap > 0.2 * communePopulation;
}

function populationNote(rows: AplCommuneRow[], code: string): string | null {
  const populations = rows.map((r) => r.population);
  const filePopulation = populations.some((p) => p === null) ? null : populations.reduce<number>((s, p) => s + (p ?? 0), 0);
  if (!populationsDisagree(filePopulation, rows[0].communePopulation)) return null;
  const commune = rows[0].communePopulation.toLocaleString("en-US");
  const what = rows.length === 1 ? `The DREES row ${rows[0].codgeo}` : `The ${rows.length} DREES rows (${rows.map((r) => r.codgeo).join(", ")})`;
  return filePopulation === null
    ? `${what} of commune ${code} give no population (INSEE RP2021); the commune has ${commune} inhabitants (COG 2026).`
    : `${what} of commune ${code} give a population of ${filePopulation.toLocaleString("en-US")} (INSEE RP2021), the commune ${commune} (COG 2026): ` +
        "the APL may describe the commune within another perimeter.";
}

/**
 * A commune's APL: as published, or weighted over the file's rows that fall in it: arrondissements
 * (Paris, Lyon, Marseille) or the former communes of a merged commune. A row population that
 * disagrees with the commune's comes with a note.
 */
export async function communeApl(ctx: RequestContext, code: string): Promise<Measure | null> {
  const rows = await ctx.loaders.apl.byCommune.load(code);
  if (rows.length === 0) return null;
  const note = populationNote(rows, code);
  if (rows.length === 1) return measure({ value: rows[0].value, unit: UNITS.apl, date: "2023", sourceId: rows[0].sourceId, series: { kind: "single" }, note });
  const weighted = rows.filter((r) => r.population && r.population > 0);
  const population = weighted.reduce((s, r) => s + (r.population ?? 0), 0);
  const parts = CITIES_BY_ARRONDISSEMENT.has(code) ? "arrondissements" : "merged communes";
  return measure({
    value: weighted.reduce((s, r) => s + r.value * (r.population ?? 0), 0) / population,
    unit: UNITS.apl,
    date: "2023",
    sourceId: APL_WEIGHTED_SOURCE,
    series: { kind: "single" },
    method:
      `Population-weighted mean of the APL of its ${rows.length} ${parts} (${rows.map((r) => r.codgeo).join(", ")}), ` +
      `weighted by their INSEE RP2021 populations in the DREES file (${population.toLocaleString("en-US")} inhabitants)`,
    note,
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
