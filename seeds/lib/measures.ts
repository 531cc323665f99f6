import type { EntityManager } from "typeorm";
import { syncTable, type Row, type SyncCounts } from "./sync-table";

/** Columns of the `measure` table, in the order every loader writes them. */
export const MEASURE_COLUMNS = ["indicator", "territory", "observed_on", "source_id", "value", "initial_value", "target", "note"];

/** An indicator's definition as the `indicator_definition` table holds it. */
export interface IndicatorDefinitionRow {
  id: string;
  label: string;
  unit: string;
  description: string;
}

/** Inserts or updates indicator definitions (never removes one: other loaders own the rest). */
export function syncIndicatorDefinitions(manager: EntityManager, definitions: readonly IndicatorDefinitionRow[]): Promise<SyncCounts> {
  return syncTable(manager, definitions.map((d) => ({ id: d.id, label: d.label, unit: d.unit, description: d.description })), {
    table: "indicator_definition",
    key: ["id"],
    columns: ["id", "label", "unit", "description"],
  });
}

/**
 * Writes measures keyed on (indicator, territory, date, source). With `replacing`, the measures
 * it selects that the new rows no longer hold are removed: a loader replaces what it loaded
 * before, and only that.
 */
export function syncMeasures(manager: EntityManager, rows: Row[], replacing?: { where: string; params: unknown[] }): Promise<SyncCounts> {
  return syncTable(manager, rows, {
    table: "measure",
    key: ["indicator", "territory", "observed_on", "source_id"],
    columns: MEASURE_COLUMNS,
    ...(replacing && { removeMissing: true, scope: replacing }),
  });
}
