import type { RequestContext } from "../context/request-context";
import type { Measure } from "../entities/care-offer/measure.type";
import { findDataset } from "../services/care-offer/dataset.service";
import type { Figure } from "./columns";

/**
 * Populations and the territories themselves come from the dataset catalogue's `territories`
 * entry (INSEE COG through @etalab/decoupage-administratif), not from a `source` row: their
 * `_source` cells name that dataset.
 */
export const TERRITORIES_DATASET = "territories";

/** A figure of a Measure, as the API gives it: value, source, date. */
export function measureFigure(measure: Measure | null): Figure | null {
  return measure ? { value: measure.value, source: measure.sourceId, vintage: measure.date } : null;
}

/** The population of a territory, with the catalogue's vintage of the territories (e.g. "COG 2026"). */
export function populationFigure(population: number, territoriesVintage: string): Figure {
  return { value: population, source: TERRITORIES_DATASET, vintage: territoriesVintage };
}

/** The vintage of the territories loaded, as the dataset catalogue records it. */
export async function territoriesVintage(ctx: RequestContext): Promise<string> {
  const dataset = await findDataset(ctx, TERRITORIES_DATASET);
  if (!dataset) throw new Error(`the dataset catalogue has no "${TERRITORIES_DATASET}" entry`);
  return dataset.vintage;
}

/** The source ids the `_source` cells of some rows cite, in first-seen order. */
export function citedSources(rows: Record<string, unknown>[], columns: { name: string; describes?: string }[]): string[] {
  const sourceColumns = columns.filter((c) => c.describes !== undefined && c.name.endsWith("_source")).map((c) => c.name);
  const ids = new Set<string>();
  for (const row of rows) for (const column of sourceColumns) if (typeof row[column] === "string") ids.add(row[column] as string);
  return [...ids];
}
