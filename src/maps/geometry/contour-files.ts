import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { PROJECT_ROOT } from "../../config/project-root";

/** Outlines of one territory, in longitude and latitude (WGS84). */
export type Outline = Polygon | MultiPolygon;

/**
 * The bundled contour files (seeds/data, copied byte for byte from ../shared/data; SOURCES.md
 * §19–20): IGN Admin Express 2018 commune polygons, regrouped by the communes and EPCI of COG
 * 2026. The département outlines are derived from the communes (outline-file.cli.ts).
 */
export const CONTOUR_FILES = {
  epci: path.join(PROJECT_ROOT, "seeds", "data", "epci-2026-contours.geojson"),
  communes: path.join(PROJECT_ROOT, "seeds", "data", "communes-2026-contours.geojson.gz"),
  departments: path.join(PROJECT_ROOT, "src", "maps", "geometry", "departements-2026.topojson"),
} as const;

/** Credits printed on every map drawn from these files (their licence asks for attribution). */
export const CONTOUR_CREDITS = { fr: "Contours : IGN Admin Express 2018, INSEE COG 2026 (Licence Ouverte)", en: "Outlines: IGN Admin Express 2018, INSEE COG 2026 (Licence Ouverte)" };

interface FeatureIn {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

/**
 * Reads a GeoJSON FeatureCollection of (Multi)Polygons (gzipped when its name ends in .gz), keyed
 * by one property; any other shape of file is refused with its name. Not kept: the exports read
 * the same files with it and keep their own form (src/exports/contours.ts).
 */
export function readOutlineFile(file: string, key: string): Map<string, Outline> {
  const bytes = fs.readFileSync(file);
  const parsed = JSON.parse((file.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8")) as { type?: string; features?: FeatureIn[] };
  if (parsed.type !== "FeatureCollection" || !Array.isArray(parsed.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  const outlines = new Map<string, Outline>();
  for (const [i, feature] of parsed.features.entries()) {
    const code = feature.properties?.[key];
    const type = feature.geometry?.type;
    if (typeof code !== "string" || (type !== "Polygon" && type !== "MultiPolygon")) {
      throw new Error(`${file}: feature ${i} has no "${key}" text property or is not a (Multi)Polygon`);
    }
    if (outlines.has(code)) throw new Error(`${file}: "${code}" appears twice`);
    outlines.set(code, feature.geometry as Outline);
  }
  return outlines;
}

/** The derived département file: one TopoJSON geometry per département, property `code`. */
export type DepartmentTopology = Topology<{ departements: GeometryCollection<{ code: string }> }>;

let epci: Map<string, Outline> | undefined;
let communes: Map<string, Outline> | undefined;
let departments: Map<string, Outline> | undefined;

/** The 1,255 EPCI of COG 2026 by SIREN (read once per process: 1.8 MB). */
export function epciOutlines(): Map<string, Outline> {
  epci ??= readOutlineFile(CONTOUR_FILES.epci, "siren");
  return epci;
}

/** The 34,868 communes of COG 2026 that have a polygon, by INSEE code (read once per process: 9 MB unzipped). */
export function communeOutlines(): Map<string, Outline> {
  communes ??= readOutlineFile(CONTOUR_FILES.communes, "commune");
  return communes;
}

/** The 101 départements by code, from the derived file (TopoJSON: shared borders stored once). */
export function departmentOutlines(): Map<string, Outline> {
  if (!departments) {
    const topology = JSON.parse(fs.readFileSync(CONTOUR_FILES.departments, "utf8")) as DepartmentTopology;
    const collection = feature(topology, topology.objects.departements);
    departments = new Map(collection.features.map((f) => [f.properties.code, f.geometry as Outline]));
  }
  return departments;
}
