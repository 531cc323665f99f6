import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";
import type { Dataset } from "../../entities/care-offer/dataset.type";
import { DATASET_COLUMNS, toDataset } from "../../db/rows/dataset.rows";

/** The catalogue, in the order the datasets last changed (the oldest first). */
export async function listDatasets(ctx: RequestContext): Promise<Dataset[]> {
  return (await sql<Record<string, unknown>>(ctx.db, `SELECT ${DATASET_COLUMNS} FROM dataset ORDER BY loaded_at, id`)).map(toDataset);
}

/** One dataset of the catalogue, or null. */
export async function findDataset(ctx: RequestContext, id: string): Promise<Dataset | null> {
  const [row] = await sql<Record<string, unknown>>(ctx.db, `SELECT ${DATASET_COLUMNS} FROM dataset WHERE id = ?`, [id]);
  return row ? toDataset(row) : null;
}
