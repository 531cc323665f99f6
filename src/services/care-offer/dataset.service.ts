import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";
import { Dataset } from "../../entities/care-offer/dataset.type";

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The catalogue, in the order the datasets were first loaded (territories first). */
export async function listDatasets(ctx: RequestContext): Promise<Dataset[]> {
  const rows = await sql<Record<string, unknown>>(
    ctx.db,
    "SELECT id, title, producer, vintage, licence, url, file, row_count, loaded_at, import_command FROM dataset ORDER BY loaded_at, id",
  );
  return rows.map((r) =>
    Object.assign(new Dataset(), {
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
    }),
  );
}
