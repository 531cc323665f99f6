import { ProfessionalSource } from "../shared/professional-source";

/**
 * Measures that `GET /maps/departements.svg?measure=…` can draw, one value per département.
 * `worse` tells which end of the scale reads as the bad one, so that it gets the darker red.
 */
export const MAP_MEASURES = {
  gpDensity: { kind: "gpDensity", worse: "low" },
  professionals: { kind: "professionals", worse: "low" },
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

/** Path of the map drawing a request (relative to the API's address), parameters in a stable order. */
export function mapUrl(request: MapRequest, format: "svg" | "png" = "svg"): string {
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
