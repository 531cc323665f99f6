import type { RequestContext } from "../../context/request-context";
import { type MapLevel as RouteLevel, LEVEL_MEASURES, territoryMapUrl } from "../../entities/care-offer/map-measure";
import { MapFormat, MapLanguage, MapLevel, type MapMeasure } from "../../entities/care-offer/territory-map.enums";

/** What the `mapUrl` fields of Region, Department and Epci are asked. */
export interface TerritoryMapInput {
  measure: MapMeasure;
  level?: MapLevel | null;
  format?: MapFormat | null;
  lang?: MapLanguage | null;
}

/** The territory a map is limited to, by the route's parameter names. */
type Within = { region: string } | { departement: string } | { epci: string };

/** The path of a map when its level draws the measure, else null. */
function urlOf(level: MapLevel, within: Within, input: TerritoryMapInput): string | null {
  if (!LEVEL_MEASURES[level as RouteLevel].includes(input.measure)) return null;
  return territoryMapUrl({ level: level as RouteLevel, measure: input.measure, ...within, format: input.format ?? MapFormat.SVG, lang: input.lang ?? MapLanguage.FR });
}

/** A région's map: its EPCI by default, or its communes or départements. */
export function regionMapUrl(code: string, input: TerritoryMapInput): string | null {
  return urlOf(input.level ?? MapLevel.EPCI, { region: code }, input);
}

/** A département's map: its EPCI by default, or its communes (a département alone is no map: null). */
export function departmentMapUrl(code: string, input: TerritoryMapInput): string | null {
  const level = input.level ?? MapLevel.EPCI;
  return level === MapLevel.DEPARTMENT ? null : urlOf(level, { departement: code }, input);
}

/**
 * An EPCI's map: its communes by default; at EPCI level, the map of the EPCI of its région (of
 * its first département, by code), where it is drawn among its neighbours.
 */
export async function epciMapUrl(ctx: RequestContext, siren: string, input: TerritoryMapInput): Promise<string | null> {
  const level = input.level ?? MapLevel.COMMUNE;
  if (level === MapLevel.COMMUNE) return urlOf(level, { epci: siren }, input);
  if (level === MapLevel.DEPARTMENT) return null;
  const [first] = (await ctx.loaders.department.byEpci.load(siren)).sort((a, b) => a.code.localeCompare(b.code));
  return first ? urlOf(level, { region: first.regionCode }, input) : null;
}
