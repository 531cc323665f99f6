import { ckmeans } from "simple-statistics";
import type { Worse } from "./map-model";

/**
 * ColorBrewer sequential palettes (Cynthia Brewer, colorbrewer2.org, Apache 2.0), lightest first,
 * by number of classes. YlOrRd where one end reads as worse (darker red = worse), Blues otherwise.
 */
const PALETTES = {
  YlOrRd: { 1: ["#fd8d3c"], 2: ["#feb24c", "#f03b20"], 3: ["#ffeda0", "#feb24c", "#f03b20"], 4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"], 5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"] },
  Blues: { 1: ["#6baed6"], 2: ["#9ecae1", "#3182bd"], 3: ["#deebf7", "#9ecae1", "#3182bd"], 4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"], 5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] },
} as const;

/** Fill of territories without a figure ("donnée non disponible"): a grey no palette uses, so that a gap never reads as a value. */
export const NO_FIGURE_FILL = "#d4d4d4";
const MAX_CLASSES = 5;

export interface LegendClass {
  min: number;
  max: number;
  fill: string;
  count: number;
}

/**
 * Natural-break classes (Ckmeans, the optimal form of Jenks' method): up to five, fewer when
 * there are fewer distinct values. Each class spans the values that fall in it.
 */
export function classify(values: number[], worse: Worse): LegendClass[] {
  const distinct = new Set(values).size;
  if (distinct === 0) return [];
  const k = Math.min(MAX_CLASSES, distinct) as 1 | 2 | 3 | 4 | 5;
  const palette = [...PALETTES[worse === "none" ? "Blues" : "YlOrRd"][k]];
  // Darker = worse: when low values are the bad ones, the darkest colour goes to the lowest class.
  if (worse === "low") palette.reverse();
  return ckmeans(values, k).map((cluster, i) => ({ min: cluster[0], max: cluster[cluster.length - 1], fill: palette[i], count: cluster.length }));
}

/** The fill of a value: its class's colour, or the no-figure grey. */
export function fillOf(value: number | null, classes: LegendClass[]): string {
  if (value === null) return NO_FIGURE_FILL;
  return (classes.find((c) => value <= c.max) ?? classes[classes.length - 1]).fill;
}
