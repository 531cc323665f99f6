import { ProfessionalSource } from "../shared/professional-source";

/**
 * Measures that `GET /maps/departements.svg?measure=…` can draw, one value per département.
 * `worse` tells which end of the scale reads as the bad one, so that it gets the darker red.
 */
export const MAP_MEASURES = {
  gpDensity: { kind: "gpDensity", worse: "low" },
  professionals: { kind: "professionals", worse: "low" },
  apl: { kind: "apl", worse: "low" },
  population: { kind: "population", worse: "none" },
  zoneRougePopulationShare: { kind: "zoneRougeShare", worse: "high" },
  zonesRougesKnown: { kind: "zonesRougesKnown", worse: "low" },
  pdsaParticipation: { kind: "indicator", indicator: "pdsa-participation", worse: "low" },
  sasCoverage: { kind: "indicator", indicator: "sas-coverage", worse: "low" },
  cptsCoverage: { kind: "indicator", indicator: "cpts-coverage", worse: "low" },
  aldWithMedecinTraitant: { kind: "indicator", indicator: "ald-with-medecin-traitant", worse: "low" },
  maisonsDeSante: { kind: "indicator", indicator: "maisons-de-sante", worse: "none" },
  centresDeSante: { kind: "indicator", indicator: "centres-de-sante", worse: "none" },
  assistantsMedicaux: { kind: "indicator", indicator: "assistants-medicaux", worse: "none" },
} as const satisfies Record<string, { kind: string; indicator?: string; worse: "low" | "high" | "none" }>;

export type MapMeasureName = keyof typeof MAP_MEASURES;
export const MAP_MEASURE_NAMES = Object.keys(MAP_MEASURES) as MapMeasureName[];

/** What a map shows: the measure and, depending on it, the producer, vintage and specialty. */
export interface MapRequest {
  measure: MapMeasureName;
  /** gpDensity, professionals: the producer (default DREES_RPPS). */
  source?: ProfessionalSource;
  /** The producer's vintage, or the date of an indicator ("2024", "2024-09-01"); the latest by default. */
  vintage?: string;
  /** professionals: the specialty or profession, as the producer names it (accents and case ignored). */
  specialty?: string;
  /** zoneRougePopulationShare: also count designations loaded as unconfirmed. Default false. */
  includeUnconfirmed?: boolean;
}

/** Path of the département map drawing a request (relative to the API's address), parameters in a stable order. */
export function mapUrl(request: MapRequest, format: MapFormat = "svg"): string {
  const params = new URLSearchParams({ measure: request.measure });
  if (request.source) params.set("source", request.source);
  if (request.vintage) params.set("vintage", request.vintage);
  if (request.specialty) params.set("specialty", request.specialty);
  if (request.includeUnconfirmed !== undefined) params.set("includeUnconfirmed", String(request.includeUnconfirmed));
  return `/maps/departements.${format}?${params.toString()}`;
}

/** The map of an indicator of the `measure` table, when it has one. */
export function indicatorMapMeasure(indicator: string): MapMeasureName | null {
  for (const name of MAP_MEASURE_NAMES) {
    const m = MAP_MEASURES[name] as { kind: string; indicator?: string };
    if (m.kind === "indicator" && m.indicator === indicator) return name;
  }
  return null;
}

/** The levels a map is drawn at, as their routes name them: /maps/departements.svg, /maps/epcis.svg, /maps/communes.svg. */
export const MAP_LEVELS = ["departements", "epcis", "communes"] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** What a map route answers: the image (SVG, PNG), or its table alternative (an HTML page or fragment, JSON). */
export const MAP_FORMATS = ["svg", "png", "html", "json"] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

/** Measures drawn per EPCI and per commune; `worse` as in MAP_MEASURES, "categories" for a status drawn in named colours. */
export const EPCI_MAP_MEASURES = {
  zonesRouges: { worse: "categories" },
  apl: { worse: "low" },
  population: { worse: "none" },
} as const;
export const COMMUNE_MAP_MEASURES = {
  apl: { worse: "low" },
  population: { worse: "none" },
} as const;

/** The measures of each level, in the order they are listed to a client. */
export const LEVEL_MEASURES: Record<MapLevel, readonly string[]> = {
  departements: MAP_MEASURE_NAMES,
  epcis: Object.keys(EPCI_MAP_MEASURES),
  communes: Object.keys(COMMUNE_MAP_MEASURES),
};

/** The default measure of each level: the map most asked for. */
export const DEFAULT_MEASURE: Record<MapLevel, string> = { departements: "gpDensity", epcis: "zonesRouges", communes: "apl" };

/** A map of a territory: its level, measure, the territory it is limited to (none: all of France), language and format. */
export interface TerritoryMapLink {
  level: MapLevel;
  measure: string;
  region?: string;
  departement?: string;
  epci?: string;
  /** Default French: left out of the URL. */
  lang?: "fr" | "en";
  format?: MapFormat;
}

/** Path of a map (relative to the API's address), parameters in a stable order. */
export function territoryMapUrl(link: TerritoryMapLink): string {
  const params = new URLSearchParams({ measure: link.measure });
  if (link.region) params.set("region", link.region);
  if (link.departement) params.set("departement", link.departement);
  if (link.epci) params.set("epci", link.epci);
  if (link.lang && link.lang !== "fr") params.set("lang", link.lang);
  return `/maps/${link.level}.${link.format ?? "svg"}?${params.toString()}`;
}
