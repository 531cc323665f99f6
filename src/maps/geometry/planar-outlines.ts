import type { Position } from "geojson";
import type { Outline } from "./contour-files";
import { type FrameId, frameOfPoint, projector } from "./frames";

/** [west, south, east, north] in metres of a frame's projection. */
export type Extent = [number, number, number, number];

/** A territory's outline projected into its frame (metres east and north), with its extent. */
export interface PlanarOutline {
  code: string;
  frame: FrameId;
  geometry: Outline;
  extent: Extent;
}

/** Projected outlines of each file, by code: a territory is projected once per process, when first drawn. */
const projected = new WeakMap<Map<string, Outline>, Map<string, PlanarOutline>>();

function project(code: string, outline: Outline): PlanarOutline {
  const first = outline.type === "Polygon" ? outline.coordinates[0]?.[0] : outline.coordinates[0]?.[0]?.[0];
  const frame = first ? frameOfPoint(first) : null;
  if (!frame) throw new Error(`outline of ${code} lies outside mainland France and the five overseas départements`);
  const toFrame = projector(frame);
  const extent: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  const ring = (points: Position[]): Position[] =>
    points.map((point) => {
      const projected = toFrame(point);
      const [x, y] = projected;
      if (x < extent[0]) extent[0] = x;
      if (y < extent[1]) extent[1] = y;
      if (x > extent[2]) extent[2] = x;
      if (y > extent[3]) extent[3] = y;
      return projected;
    });
  const geometry: Outline =
    outline.type === "Polygon"
      ? { type: "Polygon", coordinates: outline.coordinates.map(ring) }
      : { type: "MultiPolygon", coordinates: outline.coordinates.map((polygon) => polygon.map(ring)) };
  return { code, frame, geometry, extent };
}

/** The outlines of some codes of a file, projected; codes without an outline are skipped (the caller says which). */
export function planarOutlines(file: Map<string, Outline>, codes: Iterable<string>): PlanarOutline[] {
  let memo = projected.get(file);
  if (!memo) {
    memo = new Map();
    projected.set(file, memo);
  }
  const out: PlanarOutline[] = [];
  for (const code of codes) {
    let planar = memo.get(code);
    if (!planar) {
      const outline = file.get(code);
      if (!outline) continue;
      planar = project(code, outline);
      memo.set(code, planar);
    }
    out.push(planar);
  }
  return out;
}

/** The extent holding all the given outlines. */
export function extentOf(outlines: PlanarOutline[]): Extent {
  return outlines.reduce<Extent>(
    (e, o) => [Math.min(e[0], o.extent[0]), Math.min(e[1], o.extent[1]), Math.max(e[2], o.extent[2]), Math.max(e[3], o.extent[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
