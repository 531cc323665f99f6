import type { Cell, ExportRow } from "./columns";

/** The `data` of a GraphQL ExecutionResult: JSON values only. */
export type ResultData = { [key: string]: unknown };

export interface FlatTable {
  /** Column names in order of first appearance: dotted paths ("epci.name", "apl.value"). */
  columns: string[];
  rows: ExportRow[];
  /** Path of the list that became the rows ("region.zonesRouges"); null when the result has none (one row). */
  listPath: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Depth-first, in field order: the first list of the result, and its path. */
function firstList(value: unknown, path: string[]): { list: unknown[]; path: string[] } | null {
  if (Array.isArray(value)) return { list: value, path };
  if (!isObject(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = firstList(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A value inside a row that is itself a list: scalars joined by commas, objects as JSON text. */
function listCell(list: unknown[]): Cell {
  return list.every((v) => v === null || typeof v !== "object") ? list.map((v) => (v === null ? "" : String(v))).join(",") : JSON.stringify(list);
}

/** Writes an object's scalars under dotted names; `skip` is the path of the rows' list, left out of the constant columns. */
function flattenInto(target: ExportRow, value: unknown, prefix: string, skip: string | null): void {
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const name = prefix === "" ? key : `${prefix}.${key}`;
      if (name === skip) continue;
      flattenInto(target, child, name, skip);
    }
    return;
  }
  if (Array.isArray(value)) target[prefix] = listCell(value);
  else target[prefix] = value === undefined ? null : (value as Cell);
}

/**
 * A GraphQL result as a table, for CSV and JSON files of any document (issue 24, item 2): the
 * first list in the result becomes the rows, its items' nested fields dotted columns
 * (`epci.name`); the fields outside that list repeat on every row under their full path
 * (`region.name`); lists inside a row become one cell. A result with no list is one row.
 * Pure: it takes `data` and nothing else, so it serves whatever executed the document.
 */
export function flattenResult(data: ResultData): FlatTable {
  const found = firstList(data, []);
  const listPath = found ? found.path.join(".") : null;
  const constant: ExportRow = {};
  flattenInto(constant, data, "", listPath);
  const rows: ExportRow[] = found
    ? found.list.map((item) => {
        const row: ExportRow = { ...constant };
        if (isObject(item)) flattenInto(row, item, "", null);
        else row.value = Array.isArray(item) ? listCell(item) : ((item ?? null) as Cell);
        return row;
      })
    : [constant];
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.has(key)) seen.add(key), columns.push(key);
  return { columns, rows, listPath };
}
