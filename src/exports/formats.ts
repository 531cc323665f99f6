import { stringify } from "csv-stringify/sync";
import type { Column, ExportRow } from "./columns";
import type { ContourStore } from "./contours";
import type { Datapackage } from "./datapackage";
import type { PreparedExport } from "./export-definition";

export type ExportFormat = "csv" | "json" | "geojson";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json", "geojson"];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
};

/** The cells of a row, in column order: only the columns asked for. */
function pick(row: ExportRow, columns: Column[]): ExportRow {
  const picked: ExportRow = {};
  for (const c of columns) picked[c.name] = row[c.name] ?? null;
  return picked;
}

/**
 * CSV as Excel and QGIS read it: UTF-8 with a byte-order mark (Excel otherwise guesses the
 * Windows code page), `;` between cells (Excel's separator where the decimal mark is a comma),
 * one header row, CRLF line ends (RFC 4180), decimal commas on request. Empty cell: no figure.
 */
export async function* csvText(rows: AsyncIterable<ExportRow[]>, columns: Column[], decimalComma: boolean): AsyncGenerator<string> {
  const options = {
    delimiter: ";",
    record_delimiter: "windows" as const,
    columns: columns.map((c) => c.name),
    cast: {
      number: (value: number) => (decimalComma ? String(value).replace(".", ",") : String(value)),
      boolean: (value: boolean) => (value ? "true" : "false"),
    },
  };
  yield `\uFEFF${stringify([], { ...options, header: true })}`;
  for await (const chunk of rows) if (chunk.length > 0) yield stringify(chunk, options);
}

/** JSON: the datapackage's metadata first, then `rows` streamed one chunk at a time. */
export async function* jsonText(rows: AsyncIterable<ExportRow[]>, columns: Column[], metadata: Datapackage): AsyncGenerator<string> {
  const { resources: _resources, ...meta } = metadata;
  yield `${JSON.stringify(meta).slice(0, -1)},"rows":[`;
  let first = true;
  for await (const chunk of rows) {
    if (chunk.length === 0) continue;
    yield `${first ? "\n" : ",\n"}${chunk.map((row) => JSON.stringify(pick(row, columns))).join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}

/**
 * GeoJSON (RFC 7946): a FeatureCollection in WGS84 whose features carry the row as properties
 * and the territory's contour as geometry (null where there is none: France, or a commune
 * without a polygon). The datapackage is a top-level foreign member (RFC 7946 §6.1), so that
 * sources and coverage travel with the file into GIS tools.
 */
export async function* geojsonText(
  prepared: PreparedExport,
  columns: Column[],
  metadata: Datapackage,
  contours: ContourStore,
): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","name":${JSON.stringify(metadata.name)},"datapackage":${JSON.stringify(metadata)},"features":[`;
  let first = true;
  for await (const chunk of prepared.rows()) {
    const parts: string[] = [];
    for (const row of chunk) {
      const place = prepared.place(row);
      const geometry = place ? await contours.geometry(place.level, place.code) : null;
      // No feature "id": GDAL (and so QGIS) would show a text id as one more field, a copy of the code.
      parts.push(`{"type":"Feature","properties":${JSON.stringify(pick(row, columns))},"geometry":${geometry ?? "null"}}`);
    }
    if (parts.length === 0) continue;
    yield `${first ? "\n" : ",\n"}${parts.join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}
