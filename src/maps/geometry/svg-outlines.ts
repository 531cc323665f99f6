import { createHash } from "node:crypto";
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import { LRUCache } from "lru-cache";
import { feature, merge, mesh } from "topojson-client";
import { topology } from "topojson-server";
import { planarTriangleArea, presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from "topojson-specification";
import type { Outline } from "./contour-files";
import type { FrameId } from "./frames";
import type { Extent, PlanarOutline } from "./planar-outlines";

/** A rectangle of the canvas, in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a frame's projected metres land on the canvas: px = left + (x − west) × scale, py = top + (north − y) × scale. */
export interface Placement {
  left: number;
  top: number;
  west: number;
  north: number;
  /** Pixels per metre. */
  scale: number;
}

/** The placement that fits an extent into a box, centred, keeping the projection's proportions. */
export function fit(extent: Extent, box: Box): Placement {
  const [west, south, east, north] = extent;
  const scale = Math.min(box.width / (east - west), box.height / (north - south));
  return {
    left: box.x + (box.width - (east - west) * scale) / 2,
    top: box.y + (box.height - (north - south) * scale) / 2,
    west,
    north,
    scale,
  };
}

/**
 * Smallest triangle kept by the simplification, in square pixels (Visvalingam's effective area):
 * a vertex whose removal changes the outline by less than this is invisible at the map's scale.
 */
const MIN_AREA_PX = 0.4;

type ShapeGeometry = (TopoPolygon<{ code: string }> | TopoMultiPolygon<{ code: string }>) & { properties: { code: string } };

/** A territory's rings after the arcs are stitched back (feature() of a polygon gives a polygon). */
function shapeRings(t: ShapeTopology, geometry: ShapeGeometry): Position[][] {
  return ringsOf(feature(t, geometry as TopoPolygon<{ code: string }>).geometry as Polygon | MultiPolygon);
}
type ShapeTopology = Topology<{ shapes: GeometryCollection<{ code: string }> }>;

/**
 * Topologies are built once per set of outlines drawn together (a level, a territory, a frame)
 * and kept, weights computed: drawing another measure of the same territory only filters points.
 * Bounded by the number of vertices held (the national commune map holds about 320,000).
 */
const prepared = new LRUCache<string, ShapeTopology>({
  maxSize: 2_000_000,
  sizeCalculation: (t) => Math.max(1, t.arcs.reduce((n, arc) => n + arc.length, 0)),
});

function prepare(name: string, outlines: PlanarOutline[]): ShapeTopology {
  // The codes are part of the key: a territory added by a later import is never missing from a topology kept earlier.
  const key = `${name}|${createHash("sha1").update(outlines.map((o) => o.code).join(",")).digest("base64url")}`;
  let prepared_ = prepared.get(key);
  if (!prepared_) {
    const collection: FeatureCollection<Outline, { code: string }> = {
      type: "FeatureCollection",
      features: outlines.map((o) => ({ type: "Feature", properties: { code: o.code }, geometry: o.geometry })),
    };
    prepared_ = presimplify(topology({ shapes: collection }) as ShapeTopology, planarTriangleArea);
    prepared.set(key, prepared_);
  }
  return prepared_;
}

/** A coordinate in tenths of a pixel, written short: 1234 → "123.4", 10 → "1", -5 → "-.5" (no float formatting: this runs per vertex). */
function tenths(value: number): string {
  const magnitude = value < 0 ? -value : value;
  const units = Math.floor(magnitude / 10);
  const tenth = magnitude - units * 10;
  const text = tenth === 0 ? String(units) : units === 0 ? `.${tenth}` : `${units}.${tenth}`;
  return value < 0 ? `-${text}` : text;
}

/** Path data of rings: absolute start, then relative steps in tenths of a pixel (shorter), duplicates dropped. */
function ringsPath(rings: Position[][], place: Placement): string {
  let path = "";
  for (const ring of rings) {
    let part = "";
    let count = 0;
    let [firstX, firstY, lastX, lastY] = [NaN, NaN, NaN, NaN];
    for (const [x, y] of ring) {
      const px = Math.round((place.left + (x - place.west) * place.scale) * 10);
      const py = Math.round((place.top + (place.north - y) * place.scale) * 10);
      if (px === lastX && py === lastY) continue;
      if (count === 0) {
        part = `M${tenths(px)} ${tenths(py)}`;
        [firstX, firstY] = [px, py];
      } else {
        const dy = tenths(py - lastY);
        part += `l${tenths(px - lastX)}${dy.startsWith("-") ? "" : " "}${dy}`;
      }
      [lastX, lastY] = [px, py];
      count++;
    }
    // A closed ring ends on its start: "z" draws that last side.
    if (count > 0 && lastX === firstX && lastY === firstY) count--;
    if (count >= 3) path += `${part}z`;
  }
  return path;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

function linesPath(lines: MultiLineString, place: Placement): string {
  let path = "";
  for (const line of lines.coordinates) {
    let part = "";
    let count = 0;
    let [lastX, lastY] = [NaN, NaN];
    for (const [x, y] of line) {
      const px = Math.round((place.left + (x - place.west) * place.scale) * 10);
      const py = Math.round((place.top + (place.north - y) * place.scale) * 10);
      if (px === lastX && py === lastY) continue;
      const dy = tenths(py - lastY);
      part += count === 0 ? `M${tenths(px)} ${tenths(py)}` : `l${tenths(px - lastX)}${dy.startsWith("-") ? "" : " "}${dy}`;
      [lastX, lastY] = [px, py];
      count++;
    }
    if (count >= 2) path += part;
  }
  return path;
}

/** Outlines drawn at one scale: a path per territory, and lines or unions computed on the same simplified borders. */
export interface Drawing {
  /** Path data of each territory drawn (a territory too small to show keeps its unsimplified outline). */
  shapes: Map<string, string>;
  /** Lines between neighbours of different groups (e.g. département borders between EPCI), as one path data. */
  borders(groupOf: (code: string) => string | null): string;
  /** Outline of the union of some territories, as path data. */
  union(codes: Iterable<string>): string;
}

/**
 * Draws outlines on the canvas, each frame at its placement. Borders are simplified once for both
 * neighbours (they share TopoJSON arcs), so no gap or overlap opens between them at any scale.
 * `key` names the set of outlines (e.g. "epci|FR"), for the prepared topologies.
 */
export function drawOutlines(key: string, outlines: PlanarOutline[], placements: Partial<Record<FrameId, Placement>>): Drawing {
  const byFrame = new Map<FrameId, PlanarOutline[]>();
  for (const o of outlines) {
    if (!placements[o.frame]) continue;
    const list = byFrame.get(o.frame) ?? [];
    list.push(o);
    byFrame.set(o.frame, list);
  }
  const frames = [...byFrame].map(([frame, list]) => {
    const place = placements[frame] as Placement;
    const full = prepare(`${key}|${frame}`, list);
    const simplified = simplify(full, MIN_AREA_PX / (place.scale * place.scale)) as ShapeTopology;
    return { place, full, simplified, geometries: simplified.objects.shapes.geometries as ShapeGeometry[] };
  });
  const shapes = new Map<string, string>();
  for (const { place, full, simplified, geometries } of frames) {
    for (const geometry of geometries) {
      let path = ringsPath(shapeRings(simplified, geometry), place);
      if (path === "") path = ringsPath(shapeRings(full, geometry), place);
      shapes.set(geometry.properties.code, path);
    }
  }
  return {
    shapes,
    borders: (groupOf) =>
      frames
        .map(({ place, simplified }) =>
          linesPath(
            mesh(simplified, simplified.objects.shapes, (a, b) => {
              const [ga, gb] = [groupOf((a.properties as { code: string }).code), groupOf((b.properties as { code: string }).code)];
              return a !== b && ga !== gb;
            }),
            place,
          ),
        )
        .join(""),
    union: (codes) => {
      const wanted = new Set(codes);
      return frames
        .map(({ place, simplified, geometries }) => {
          const chosen = geometries.filter((g) => wanted.has(g.properties.code));
          return chosen.length === 0 ? "" : ringsPath(ringsOf(merge(simplified, chosen)), place);
        })
        .join("");
    },
  };
}
