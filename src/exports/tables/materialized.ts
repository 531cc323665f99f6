import type { Column, ExportRow } from "../columns";
import { citedSources } from "../provenance";

/**
 * Rows of a small export (régions, départements, EPCI, zones rouges, indicators: at most a few
 * thousand), read whole before writing: their sources are then known from the rows themselves.
 */
export function materialized(rows: ExportRow[], columns: Column[], extraSources: string[] = []) {
  return {
    sourceIds: [...new Set([...citedSources(rows, columns), ...extraSources])],
    rows: async function* () {
      yield rows;
    },
  };
}
