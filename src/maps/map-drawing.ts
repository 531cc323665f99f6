import type { MapLevel } from "../entities/care-offer/map-measure";
import { communeOutlines, departmentOutlines, epciOutlines, type Outline } from "./geometry/contour-files";
import { FRAME_IDS, FRAMES, type FrameId } from "./geometry/frames";
import { extentOf, type PlanarOutline, planarOutlines } from "./geometry/planar-outlines";
import { type Box, drawOutlines, fit, type Placement } from "./geometry/svg-outlines";
import type { MapData } from "./map-model";

/** The canvas: the map on the left (insets in a column for France), the legend on the right, texts under both. */
export const CANVAS = {
  width: 960,
  /** France: mainland France. */
  metropole: { x: 152, y: 72, width: 620, height: 580 },
  /** France: the five overseas départements in a column, each in its own box and at its own scale. */
  insets: { x: 14, y: 94, width: 124, height: 88, step: 114 },
  /** A région, a département or an EPCI, zoomed. */
  zoom: { x: 14, y: 72, width: 756, height: 580 },
  legendX: 788,
  /** Where the texts under the map begin. */
  bottom: 668,
} as const;

/** An inset of the national map: its box and the territory's name. */
export interface Inset {
  frame: FrameId;
  box: Box;
  label: string;
}

/** What the SVG draws, in canvas coordinates. */
export interface MapShapes {
  /** Path data of each territory of the map, by code. */
  areas: Map<string, string>;
  /** Lines between départements (drawn over EPCI and communes; empty on département maps). */
  departmentBorders: string;
  /** Lines between régions. */
  regionBorders: string;
  /** Outline of each région of the map, by code (for the marks of an incomplete zones-rouges list). */
  regionOutlines: Map<string, string>;
  /** Outline of the territory of a zoomed map (région, département, EPCI); empty for France. */
  scopeOutline: string;
  insets: Inset[];
  /** Stroke width between territories: thinner where they are many and small. */
  areaStroke: number;
}

const OUTLINE_FILES: Record<MapLevel, () => Map<string, Outline>> = {
  departements: departmentOutlines,
  epcis: epciOutlines,
  communes: communeOutlines,
};

/**
 * The national layout: mainland France and each overseas département fitted to its box from the
 * extent of its départements, the same for every level, so that the maps of all levels line up.
 */
function nationalPlacements(departments: PlanarOutline[]): { placements: Partial<Record<FrameId, Placement>>; insets: Inset[] } {
  const placements: Partial<Record<FrameId, Placement>> = { metropole: fit(extentOf(departments.filter((d) => d.frame === "metropole")), CANVAS.metropole) };
  const insets: Inset[] = FRAME_IDS.filter((f) => f !== "metropole").map((frame, i) => {
    const { x, y, width, height, step } = CANVAS.insets;
    const box = { x, y: y + i * step, width, height };
    // An inset's outlines keep a margin inside its frame line.
    placements[frame] = fit(extentOf(departments.filter((d) => d.frame === frame)), { x: box.x + 4, y: box.y + 4, width: box.width - 8, height: box.height - 8 });
    return { frame, box, label: `${FRAMES[frame].name} (${frame})` };
  });
  return { placements, insets };
}

/** The layout of a zoomed map: its frame only, fitted to its territories. */
function zoomPlacements(outlines: PlanarOutline[]): Partial<Record<FrameId, Placement>> {
  const frames = new Set(outlines.map((o) => o.frame));
  if (frames.size !== 1) throw new Error(`a zoomed map spans ${frames.size} frames (${[...frames].join(", ")}): expected one`);
  const [frame] = frames;
  return { [frame]: fit(extentOf(outlines), CANVAS.zoom) };
}

/** Draws a map's territories, the borders above them and, for France, the insets' frames. */
export function drawMap(data: MapData): MapShapes {
  const file = OUTLINE_FILES[data.level]();
  const codes = data.areas.map((a) => a.code);
  // A territory without an outline (a commune re-established since 2018) is left out here; map-answer.ts names it in a note.
  const outlines = planarOutlines(file, codes);
  const scope = data.scope;
  // An EPCI's commune map shows the EPCI alone: no département is drawn around it.
  const departments = scope.kind === "epci" ? [] : planarOutlines(departmentOutlines(), data.geography.departments);
  const { placements, insets } = scope.kind === "france" ? nationalPlacements(departments) : { placements: zoomPlacements([...outlines, ...departments]), insets: [] };
  const scopeKey = scope.kind === "france" ? "FR" : `${scope.kind}:${scope.code}`;

  const areas = drawOutlines(`${data.level}|${scopeKey}`, outlines, placements).shapes;
  const departmentLayer = drawOutlines(`departements|${scopeKey}`, departments, placements);
  const regionOf = (code: string) => data.geography.regionOf.get(code) ?? null;
  const shownDepartments = departments.map((d) => d.code);
  const regionCodes = [...new Set(shownDepartments.map((d) => regionOf(d)).filter((r): r is string => r !== null))];
  const regionOutlines = new Map(regionCodes.map((r) => [r, departmentLayer.union(shownDepartments.filter((d) => regionOf(d) === r))]));
  let scopeOutline = "";
  if (scope.kind === "region" || scope.kind === "departement") scopeOutline = departmentLayer.union(shownDepartments);
  if (scope.kind === "epci") scopeOutline = drawOutlines(`epcis|${scopeKey}`, planarOutlines(epciOutlines(), [scope.code]), placements).shapes.get(scope.code) ?? "";
  return {
    areas,
    departmentBorders: data.level === "departements" ? "" : departmentLayer.borders((c) => c),
    regionBorders: scope.kind === "france" ? departmentLayer.borders(regionOf) : "",
    regionOutlines,
    scopeOutline,
    insets,
    areaStroke: data.level === "communes" ? (scope.kind === "france" ? 0.1 : 0.25) : data.level === "epcis" ? (scope.kind === "france" ? 0.25 : 0.5) : 0.5,
  };
}
