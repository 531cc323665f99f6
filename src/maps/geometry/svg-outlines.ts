import { createHash } from "node:crypto";
import type { FeatureCollection } from "geojson";
import { LRUCache } from "lru-cache";
import { mergeArcs, meshArcs } from "topojson-client";
import { topology } from "topojson-server";
import { planarTriangleArea, presimplify } from "topojson-simplify";
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from "topojson-specification";
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

type ShapeGeometry = (Polygon<{ code: string }> | MultiPolygon<{ code: string }>) & { properties: { code: string } };
type ShapeTopology = Topology<{ shapes: GeometryCollection<{ code: string }> }>;
/** An arc's points after presimplify: x, y and the weight of the point (Infinity at the arc's ends). */
type WeightedArc = [number, number, number][];

/**
 * Topologies are built once per set of outlines drawn together (a level, a territory, a frame),
 * each vertex weighted by the area its removal would change (Visvalingam): drawing at any scale,
 * or another measure of the same territory, only skips the vertices under a weight, without
 * copying anything. Bounded by the vertices held (the national commune map holds about 250,000).
 */
const prepared = new LRUCache<string, ShapeTopology>({
  maxSize: 2_000_000,
  sizeCalculation: (t) => Math.max(1, t.arcs.reduce((n, arc) => n + arc.length, 0)),
});

function prepare(name: string, outlines: PlanarOutline[]): ShapeTopology {
  // The codes are part of the key: a territory added by a later import is never missing from a topology kept earlier.
  const key = `${name}|${createHash("sha1").update(outlines.map((o) => o.code).join(",")).digest("base64url")}`;
  let kept = prepared.get(key);
  if (!kept) {
    const collection: FeatureCollection<Outline, { code: string }> = {
      type: "FeatureCollection",
      features: outlines.map((o) => ({ type: "Feature", properties: { code: o.code }, geometry: o.geometry })),
    };
    kept = presimplify(topology({ shapes: collection }) as ShapeTopology, planarTriangleArea);
    prepared.set(key, kept);
  }
  return kept;
}

/** A coordinate in tenths of a pixel, written short: 1234 → "123.4", 10 → "1", -5 → "-.5" (no float formatting: this runs per vertex). */
function tenths(value: number): string {
  const magnitude = value < 0 ? -value : value;
  const units = Math.floor(magnitude / 10);
  const tenth = magnitude - units * 10;
  const text = tenth === 0 ? String(units) : units === 0 ? `.${tenth}` : `${units}.${tenth}`;
  return value < 0 ? `-${text}` : text;
}

/**
 * Writes one line of path data from a chain of arcs (an arc index i, or ~i for the arc reversed):
 * absolute start, then relative steps in tenths of a pixel; vertices under the weight and
 * duplicates after rounding are skipped. Shared arcs give both neighbours the same vertices, so
 * no gap or overlap opens between them at any scale.
 */
class PathWriter {
  private part = "";
  private count = 0;
  private firstX = NaN;
  private firstY = NaN;
  private lastX = NaN;
  private lastY = NaN;

  constructor(
    private readonly arcs: WeightedArc[],
    private readonly place: Placement,
    private readonly minWeight: number,
  ) {}

  private point(x: number, y: number): void {
    const { place } = this;
    const px = Math.round((place.left + (x - place.west) * place.scale) * 10);
    const py = Math.round((place.top + (place.north - y) * place.scale) * 10);
    if (px === this.lastX && py === this.lastY) return;
    if (this.count === 0) {
      this.part = `M${tenths(px)} ${tenths(py)}`;
      [this.firstX, this.firstY] = [px, py];
    } else {
      const dy = tenths(py - this.lastY);
      this.part += `l${tenths(px - this.lastX)}${dy.startsWith("-") ? "" : " "}${dy}`;
    }
    [this.lastX, this.lastY] = [px, py];
    this.count++;
  }

  /** Path data of a chain of arcs: closed ("z") for a ring of at least 3 distinct points, open for a line of at least 2; "" when too small. */
  chain(indexes: number[], closed: boolean): string {
    this.part = "";
    this.count = 0;
    this.lastX = this.lastY = NaN;
    for (const index of indexes) {
      const arc = this.arcs[index < 0 ? ~index : index];
      const n = arc.length;
      for (let k = 0; k < n; k++) {
        const [x, y, weight] = arc[index < 0 ? n - 1 - k : k];
        if (weight >= this.minWeight) this.point(x, y);
      }
    }
    if (!closed) return this.count >= 2 ? this.part : "";
    // A closed ring ends on its start: "z" draws that last side.
    const distinct = this.count > 0 && this.lastX === this.firstX && this.lastY === this.firstY ? this.count - 1 : this.count;
    return distinct >= 3 ? `${this.part}z` : "";
  }
}

function ringsOfGeometry(geometry: { type: string; arcs: number[][] | number[][][] }): number[][] {
  return geometry.type === "Polygon" ? (geometry.arcs as number[][]) : (geometry.arcs as number[][][]).flat();
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
 * Draws outlines on the canvas, each frame at its placement. `key` names the set of outlines
 * (e.g. "epcis|FR"), for the prepared topologies.
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
    const t = prepare(`${key}|${frame}`, list);
    const arcs = t.arcs as WeightedArc[];
    return {
      t,
      geometries: t.objects.shapes.geometries as ShapeGeometry[],
      simplified: new PathWriter(arcs, place, MIN_AREA_PX / (place.scale * place.scale)),
      full: new PathWriter(arcs, place, -Infinity),
    };
  });
  const shapes = new Map<string, string>();
  for (const { geometries, simplified, full } of frames) {
    for (const geometry of geometries) {
      const rings = ringsOfGeometry(geometry);
      let path = rings.map((ring) => simplified.chain(ring, true)).join("");
      if (path === "") path = rings.map((ring) => full.chain(ring, true)).join("");
      shapes.set(geometry.properties.code, path);
    }
  }
  return {
    shapes,
    borders: (groupOf) =>
      frames
        .map(({ t, simplified }) => {
          const lines = meshArcs(t, t.objects.shapes, (a: GeometryObject, b: GeometryObject) => {
            if (a === b) return false;
            return groupOf((a.properties as { code: string }).code) !== groupOf((b.properties as { code: string }).code);
          });
          return (lines.arcs as number[][]).map((line) => simplified.chain(line, false)).join("");
        })
        .join(""),
    union: (codes) => {
      const wanted = new Set(codes);
      return frames
        .map(({ t, geometries, simplified }) => {
          const chosen = geometries.filter((g) => wanted.has(g.properties.code));
          return chosen.length === 0 ? "" : ringsOfGeometry(mergeArcs(t, chosen)).map((ring) => simplified.chain(ring, true)).join("");
        })
        .join("");
    },
  };
}
