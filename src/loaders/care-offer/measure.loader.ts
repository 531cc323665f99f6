import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

/** A row of the `measure` table with its indicator's unit and label. */
export interface MeasureRow {
  indicator: string;
  territory: string;
  observedOn: string;
  sourceId: string;
  value: number | null;
  initialValue: number | null;
  target: number | null;
  note: string | null;
  unit: string;
  label: string;
  description: string;
}

function toMeasureRow(row: Record<string, unknown>): MeasureRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    indicator: String(row.indicator),
    territory: String(row.territory),
    observedOn: String(row.observed_on),
    sourceId: String(row.source_id),
    value: num(row.value),
    initialValue: num(row.initial_value),
    target: num(row.target),
    note: row.note === null || row.note === undefined ? null : String(row.note),
    unit: String(row.unit),
    label: String(row.label),
    description: String(row.description),
  };
}

const COLUMNS = "m.indicator, m.territory, m.observed_on, m.source_id, m.value, m.initial_value, m.target, m.note, i.unit, i.label, i.description";

/** Undated figures ("n.d.") sort before dated ones, so "latest" is always a dated one when there is one. */
const BY_DATE = "CASE WHEN m.observed_on = 'n.d.' THEN 0 ELSE 1 END, m.observed_on";

export function createMeasureLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    /** Every value (with or without a measured value) of one indicator per territory key, oldest first. */
    series: new LoaderFamily<string, string, MeasureRow[]>(
      (indicator) =>
        batchLoader("measure.series", async (territories) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT ${COLUMNS} FROM measure m JOIN indicator_definition i ON i.id = m.indicator
             WHERE m.indicator = ? AND m.territory IN ({keys}) ORDER BY ${BY_DATE}, m.source_id`,
            territories,
            [indicator],
          );
          return manyByKey(territories, rows.map(toMeasureRow), (r) => r.territory);
        }, batching),
    ),
    /** All figures of each territory (for `indicators`). */
    byTerritory: batchLoader<string, MeasureRow[]>("measure.byTerritory", async (territories) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ${COLUMNS} FROM measure m JOIN indicator_definition i ON i.id = m.indicator
         WHERE m.territory IN ({keys}) AND m.value IS NOT NULL ORDER BY m.indicator, ${BY_DATE}, m.source_id`,
        territories,
      );
      return manyByKey(territories, rows.map(toMeasureRow), (r) => r.territory);
    }, batching),
  };
}

/** The latest measured value of a series (rows without a value, i.e. targets only, are skipped). */
export function latestMeasured(rows: MeasureRow[]): MeasureRow | null {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].value !== null) return rows[i];
  return null;
}

