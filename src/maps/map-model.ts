import type { MapLevel } from "../entities/care-offer/map-measure";
import type { Lang } from "./locale";

/** Which end of a scale reads as the bad one: it gets the darker red ("none": a neutral blue scale). */
export type Worse = "low" | "high" | "none";

/** A source as printed under a map and in its table: a row of the `source` table or of the dataset catalogue. */
export interface MapSource {
  producer: string;
  title: string;
  vintage: string;
  vintageInferred: boolean;
  licence: string | null;
  url: string | null;
}

/** One territory of a map: its figure, or none. */
export interface MapArea {
  /** INSEE code (département, commune) or SIREN (EPCI). */
  code: string;
  name: string;
  /** The figure; null when there is none ("donnée non disponible") and for measures drawn by category. */
  value: number | null;
  /** Measures drawn by category (zones rouges): the category's id. */
  category: string | null;
  /** Said after the value in the tooltip and the table (e.g. "Grand Est : 0 connues sur 10 attendues"), in the map's language. */
  detail: string | null;
  /** Index in MapData.sources of where this territory's figure comes from; null when it has none. */
  source: number | null;
  /** Date the figure describes, as the data give it ("2023", "2025-06-27"); null when it has none. */
  vintage: string | null;
}

/** A category of a categorical measure, in legend order. */
export interface MapCategory {
  id: string;
  label: string;
  fill: string;
  /** Drawn hatched over its fill: a status not known for sure. */
  hatched?: boolean;
}

export type MapScale =
  | { kind: "numeric"; unit: string; worse: Worse; decimals: number }
  | { kind: "categories"; categories: MapCategory[] };

/** How complete the zones rouges list of a région is, as `Region.zonesRougesCoverage` gives it. */
export interface RegionCompleteness {
  code: string;
  name: string;
  known: number;
  confirmed: number;
  expected: number | null;
  /** True: every expected zone is known; false: some are missing; null: no source gives the expected count. */
  complete: boolean | null;
  /** The legend's line: "Occitanie : liste incomplète : 20 connues sur 28 attendues". */
  text: string;
}

/** The part of France a map shows. */
export type MapScope =
  | { kind: "france" }
  | { kind: "region"; code: string; name: string }
  | { kind: "departement"; code: string; name: string }
  | { kind: "epci"; code: string; name: string };

/** The départements behind a map: which ones it covers, and the région of each (for the borders drawn). */
export interface MapGeography {
  /** Codes of the départements the map covers (all 101 for France). */
  departments: string[];
  /** Département code → région code, for all 101. */
  regionOf: Map<string, string>;
}

/** Everything a map prints, in its language: the image and its table alternative are both drawn from it. */
export interface MapData {
  level: MapLevel;
  measure: string;
  lang: Lang;
  title: string;
  /** The date the figures describe, as the data give it (printed formatted). */
  vintage: string;
  scope: MapScope;
  geography: MapGeography;
  areas: MapArea[];
  scale: MapScale;
  sources: MapSource[];
  /** Lines naming every source drawn, printed under the map (a long list of pages is grouped by producer). */
  sourceLines: string[];
  notes: string[];
  /** Zones rouges: how complete each région's list is; régions whose list is incomplete are outlined. */
  completeness?: RegionCompleteness[];
}
