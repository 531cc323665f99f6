import type { RequestContext } from "../../context/request-context";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import type { DatedStat } from "../../db/rows/professional-stat.rows";
import { familyOf, ProfessionalSource } from "../../entities/shared/professional-source";
import { densityBaseKind } from "./density-bases";

/** A région ("REGION", its code) or France ("FRANCE", "FR"). */
export interface AggregateTerritory {
  level: "REGION" | "FRANCE";
  code: string;
}

const LEVEL_NAME = { REGION: "région", FRANCE: "national" } as const;

/**
 * The professionals of a région or of France from one source: the producer's own rows where it
 * publishes them (CNAM), served as they are; otherwise computed from its départements.
 */
export async function aggregateProfessionals(ctx: RequestContext, sourceId: string, territory: AggregateTerritory): Promise<ProfessionalStat[]> {
  const published = await ctx.loaders.professional.published.with(sourceId).load(`${territory.level}:${territory.code}`);
  if (published.length > 0) return published.map((d) => d.stat);
  const stats =
    territory.level === "REGION"
      ? await ctx.loaders.professional.byRegion.with(sourceId).load(territory.code)
      : await ctx.loaders.professional.national.with(sourceId).load("FR");
  return aggregateStats(stats, territory);
}

/**
 * Adds up département stats into one territory's, on the producer's own population base: headcounts
 * are summed; the density is summed headcounts over the summed populations that the producer's own
 * département figures imply (headcount ÷ density × 100,000), taken separately for each base (all
 * inhabitants, children, women…), never mixed. Densities are never added. Where no base can be had
 * (CNOM publishes densities only), the aggregate says it is unavailable instead of guessing one.
 */
export function aggregateStats(departmentStats: DatedStat[], territory: AggregateTerritory): ProfessionalStat[] {
  const baseOf = (stat: ProfessionalStat) => densityBaseKind(familyOf(stat.sourceId), stat.specialty)?.population ?? "inhabitants";
  // Per département and base, the implied population of the stat with the largest headcount (densities are rounded).
  const implied = new Map<string, { headcount: number; population: number }>();
  for (const { stat } of departmentStats) {
    if (!stat.headcount || !stat.densityPer100k) continue;
    const key = `${stat.departmentCode}|${baseOf(stat)}`;
    const best = implied.get(key);
    if (!best || stat.headcount > best.headcount) implied.set(key, { headcount: stat.headcount, population: (stat.headcount / stat.densityPer100k) * 100000 });
  }
  const sums = new Map<string, { stat: ProfessionalStat; vintage: string; headcount: number | null; population: number; departments: number; complete: boolean }>();
  for (const { stat, vintage } of departmentStats) {
    let sum = sums.get(stat.specialty);
    if (!sum) {
      const aggregate = Object.assign(new ProfessionalStat(), { ...stat, departmentCode: territory.code });
      sums.set(stat.specialty, (sum = { stat: aggregate, vintage, headcount: 0, population: 0, departments: 0, complete: true }));
    }
    sum.departments++;
    if (stat.headcount === null || sum.headcount === null) {
      sum.headcount = null;
      continue;
    }
    sum.headcount += stat.headcount;
    const base = implied.get(`${stat.departmentCode}|${baseOf(stat)}`);
    if (base === undefined) sum.complete = false;
    else sum.population += base.population;
  }
  const level = LEVEL_NAME[territory.level];
  return [...sums.values()]
    .map(({ stat, vintage, headcount, population, departments, complete }) => {
      const family = familyOf(stat.sourceId);
      const base = densityBaseKind(family, stat.specialty)?.population ?? "inhabitants";
      stat.headcount = headcount;
      if (headcount === null) {
        stat.densityPer100k = null;
        stat.method =
          family === ProfessionalSource.CNOM
            ? `Unavailable: the CNOM publishes no ${level} figure, and densities only for départements, without headcounts or the population they divide by; a ${level} density cannot be computed without guessing that population.`
            : `Unavailable: the producer publishes no ${level} figure and no headcount to compute one from.`;
      } else if (!complete || population <= 0) {
        stat.densityPer100k = null;
        stat.method = `Headcount: sum over ${departments} départements (vintage ${vintage}). Density unavailable: a département has no figure from which to read the producer's population of ${base}.`;
      } else {
        stat.densityPer100k = Math.round((headcount / population) * 100000 * 100) / 100;
        stat.method =
          `Computed by this API (the producer publishes no ${level} figure): headcounts of ${departments} départements summed (vintage ${vintage}), ` +
          `divided by the sum of the populations of ${base} that the producer's own département densities imply (headcount ÷ density × 100,000, ` +
          `from the specialty with the most professionals on that base), per 100,000.`;
      }
      return stat;
    })
    .sort((a, b) => a.specialty.localeCompare(b.specialty));
}
