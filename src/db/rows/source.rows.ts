import { Source } from "../../entities/shared/source.entity";
import { tableRead } from "./table-read";

/** The columns of `source s` that make a Source. */
export const SOURCE_READ = tableRead("source", "s", ["id", "producer", "title", "vintage", "vintage_inferred", "published_on", "note", "url", "licence"]);
export const SOURCE_COLUMNS = SOURCE_READ.select;

export function toSource(row: Record<string, unknown>): Source {
  const source = new Source();
  source.id = String(row.id);
  source.producer = String(row.producer);
  source.title = String(row.title);
  source.vintage = String(row.vintage);
  source.vintageInferred = row.vintage_inferred === true || row.vintage_inferred === 1;
  source.publishedOn = row.published_on === null || row.published_on === undefined ? null : String(row.published_on);
  source.note = row.note === null || row.note === undefined ? null : String(row.note);
  source.url = row.url === null || row.url === undefined ? null : String(row.url);
  source.licence = row.licence === null || row.licence === undefined ? null : String(row.licence);
  return source;
}
