import { BadUserInputError } from "../errors/errors";

/** Frictionless Table Schema types our columns use. */
export type ColumnType = "string" | "integer" | "number" | "boolean";

/** One column of an export: its name in the file, its type and what it holds. */
export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  /** For a `<figure>_source` or `<figure>_vintage` column: the figure column it describes (it travels with it). */
  describes?: string;
}

/** A cell: null is an empty CSV cell and a JSON null, never 0. */
export type Cell = string | number | boolean | null;
export type ExportRow = Record<string, Cell>;

/** A figure and where it comes from, as three cells: value, source id, vintage. */
export interface Figure {
  value: number | boolean | null;
  /** Id of the source (a row of the datapackage's `sources`); null when there is no figure. */
  source: string | null;
  /** Date the figure describes ("2023", "2024-09-01", "COG 2026"). */
  vintage: string | null;
}

export const NO_FIGURE: Figure = { value: null, source: null, vintage: null };

/**
 * A figure column and, next to it, its `_source` and `_vintage` columns: every figure of a file
 * says where it comes from on its own row.
 */
export function figureColumns(name: string, type: "integer" | "number" | "boolean", description: string): Column[] {
  return [
    { name, type, description },
    { name: `${name}_source`, type: "string", description: `Source of ${name}: the id of one of the datapackage's sources.`, describes: name },
    { name: `${name}_vintage`, type: "string", description: `Date or vintage ${name} describes (as its source states it).`, describes: name },
  ];
}

/** The three cells of a figure. */
export function figureCells(name: string, figure: Figure | null): ExportRow {
  const f = figure ?? NO_FIGURE;
  return { [name]: f.value, [`${name}_source`]: f.value === null ? null : f.source, [`${name}_vintage`]: f.value === null ? null : f.vintage };
}

/**
 * The columns asked for (`columns=code,apl`), in the export's own order, each figure with its
 * source and vintage columns; all of them when none is asked for. An unknown name is a
 * BadUserInputError listing the valid ones.
 */
export function selectColumns(all: Column[], asked: string[] | undefined): Column[] {
  if (!asked || asked.length === 0) return all;
  const valid = new Set(all.map((c) => c.name));
  const unknown = asked.filter((name) => !valid.has(name));
  if (unknown.length > 0) {
    throw new BadUserInputError(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; valid columns: ${[...valid].join(", ")}`, {
      invalidArguments: ["columns"],
      validValues: [...valid],
    });
  }
  const wanted = new Set(asked);
  return all.filter((c) => wanted.has(c.name) || (c.describes !== undefined && wanted.has(c.describes)));
}
