import type { DataSource } from "typeorm";
import { markers } from "../src/db/sql-dialect";
import { syncIndicatorDefinitions, syncMeasures } from "./lib/measures";
import type { SyncCounts } from "./lib/sync-table";
import { FIGURE_SOURCES, INDICATOR_DEFINITIONS, PUBLISHED_FIGURES } from "./data/published-figures";
import { upsertSources } from "./sources.seed";

/** The national and local figures the reports publish, each with its source and date. */
export async function seedPublishedFigures(db: DataSource): Promise<Record<string, SyncCounts>> {
  const definitions = new Set(INDICATOR_DEFINITIONS.map((d) => d.id));
  for (const f of PUBLISHED_FIGURES) {
    if (!definitions.has(f.indicator)) throw new Error(`published figure for undefined indicator "${f.indicator}"`);
  }
  const sourceIds = Object.values(FIGURE_SOURCES).map((s) => s.id);
  return db.transaction(async (manager) => {
    await upsertSources(manager, Object.values(FIGURE_SOURCES));
    const indicators = await syncIndicatorDefinitions(manager, INDICATOR_DEFINITIONS);
    const figures = await syncMeasures(
      manager,
      PUBLISHED_FIGURES.map((f) => ({
        indicator: f.indicator,
        territory: f.territory,
        observed_on: f.date,
        source_id: FIGURE_SOURCES[f.source].id,
        value: f.value,
        initial_value: null,
        target: null,
        note: f.note ?? null,
      })),
      { where: `source_id IN (${markers(sourceIds.length)})`, params: sourceIds },
    );
    return { indicator_definition: indicators, "measure published figures": figures };
  });
}
