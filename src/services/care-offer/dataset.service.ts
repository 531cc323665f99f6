import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";
import { Dataset } from "../../entities/care-offer/dataset.type";

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

const COLUMNS = "id, title, producer, vintage, licence, url, file, row_count, loaded_at, import_command";

/** The catalogue, in the order the datasets last changed (the oldest first). */
export async function listDatasets(ctx: RequestContext): Promise<Dataset[]> {
  return (await sql<Record<string, unknown>>(ctx.db, `SELECT ${COLUMNS} FROM dataset ORDER BY loaded_at, id`)).map(toDataset);
}

/** One dataset of the catalogue, or null. */
export async function findDataset(ctx: RequestContext, id: string): Promise<Dataset | null> {
  const [row] = await sql<Record<string, unknown>>(ctx.db, `SELECT ${COLUMNS} FROM dataset WHERE id = ?`, [id]);
  return row ? toDataset(row) : null;
}

function toDataset(r: Record<string, unknown>): Dataset {
  return Object.assign(new Dataset(), {
    id: String(r.id),
    title: String(r.title),
    producer: String(r.producer),
    vintage: String(r.vintage),
    licence: text(r.licence),
    url: text(r.url),
    file: String(r.file),
    rows: Number(r.row_count),
    loadedAt: String(r.loaded_at),
    importCommand: String(r.import_command),
  });
}
