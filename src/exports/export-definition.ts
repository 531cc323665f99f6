import type { RequestContext } from "../context/request-context";
import type { Column, ExportRow } from "./columns";
import type { ParamSpec, ParamValues } from "./export-params";
import type { TerritoryFilter } from "./territory-filters";

/** Levels whose contours the GeoJSON files carry. */
export type ContourLevel = "region" | "department" | "epci" | "commune";

/** Where a row sits on the map: a territory whose contour is its geometry; null for France as a whole (no geometry). */
export type Place = { level: ContourLevel; code: string } | null;

/** How complete a partial list is, carried inside the file (zones rouges: the ministry's list is not public). */
export interface ExportCoverage {
  unit: string;
  known: number;
  confirmed: number | null;
  expected: number | null;
  complete: boolean | null;
  note: string | null;
  /** Id of the source that states the expected count. */
  expectedSource: string | null;
}

/** An export ready to write: its columns and metadata are known before the first row is. */
export interface PreparedExport {
  columns: Column[];
  /** Ids of every source a row may cite (sources table or dataset catalogue), for the datapackage. */
  sourceIds: string[];
  coverage: ExportCoverage | null;
  /** Caveats that travel with the file (partial lists, missing contours, how a figure was computed). */
  notes: string[];
  /** The territorial filters as applied (a former commune code given is told here). */
  filter: TerritoryFilter;
  place: (row: ExportRow) => Place;
  /** Rows in chunks, read from the database as they are written: a large export is never whole in memory. */
  rows: () => AsyncIterable<ExportRow[]>;
}

/** One export: `/exports/<name>.csv|.json|.geojson` and its `.datapackage.json`. */
export interface ExportDefinition {
  name: string;
  title: string;
  description: string;
  /** Column(s) that identify a row. */
  primaryKey: string[];
  /** Parameters beyond the common ones (columns, decimal). */
  params: ParamSpec[];
  /** Every column, for the documentation (the file's columns follow `columns=`). */
  columns: Column[];
  prepare(ctx: RequestContext, params: ParamValues, contextFor: () => RequestContext): Promise<PreparedExport>;
}
