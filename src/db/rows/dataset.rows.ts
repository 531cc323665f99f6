import { Dataset } from "../../entities/care-offer/dataset.type";
import { tableRead } from "./table-read";

/** The columns of `dataset` (the catalogue) that make a Dataset. */
export const DATASET_READ = tableRead("dataset", "", ["id", "title", "producer", "vintage", "licence", "url", "file", "row_count", "loaded_at", "import_command"]);
export const DATASET_COLUMNS = DATASET_READ.select;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** A row of the `dataset` catalogue table. */
export function toDataset(r: Record<string, unknown>): Dataset {
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
