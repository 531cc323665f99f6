import path from "node:path";
import rewind from "@mapbox/geojson-rewind";
import polygonClipping, { type MultiPolygon, type Polygon } from "polygon-clipping";
import { PROJECT_ROOT } from "../config/project-root";
import { CONTOUR_FILES as MAP_CONTOUR_FILES, readOutlineFile } from "../maps/geometry/contour-files";
import type { ContourLevel } from "./export-definition";

interface Geometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: Polygon | MultiPolygon;
}

/**
 * The contour files (seeds/data, see seeds/README.md and docs/data-provenance.md for their sources and licences):
 * EPCI and communes are the maps' files; départements come from the département GeoJSON bundled with the seed.
 */
const CONTOUR_FILES = {
  department: { file: path.join(PROJECT_ROOT, "seeds", "data", "departements-avec-outre-mer.geojson"), key: "code" },
  epci: { file: MAP_CONTOUR_FILES.epci, key: "siren" },
  commune: { file: MAP_CONTOUR_FILES.communes, key: "commune" },
} as const;

/** The départements of each région, as the database holds them (régions are drawn as their union). */
export type RegionDepartments = () => Promise<Map<string, string[]>>;

/**
 * Contours by level and code, as GeoJSON geometry text ready to write: RFC 7946 winding (outer
 * rings counterclockwise, the right-hand rule), WGS84. Each level is read on first use and kept
 * for the process (about 15 MB of text for all four); the text is written as it is, so a
 * streamed export never re-encodes a geometry. Made once per server and handed to the router.
 */
export class ContourStore {
  private readonly levels = new Map<ContourLevel, Promise<Map<string, string>>>();

  constructor(private readonly regionDepartments: RegionDepartments) {}

  /** The geometry of a territory, or null when the files hold none (7 communes re-established since 2018). */
  async geometry(level: ContourLevel, code: string): Promise<string | null> {
    return (await this.level(level)).get(code) ?? null;
  }

  /** Every geometry of a level, for writers that look up one row after another. */
  level(level: ContourLevel): Promise<Map<string, string>> {
    let loaded = this.levels.get(level);
    if (!loaded) {
      loaded = level === "region" ? this.loadRegions() : Promise.resolve(this.loadFile(level));
      // A failed load is not kept: the next request tries again.
      loaded.catch(() => this.levels.delete(level));
      this.levels.set(level, loaded);
    }
    return loaded;
  }

  private loadFile(level: Exclude<ContourLevel, "region">): Map<string, string> {
    const { file, key } = CONTOUR_FILES[level];
    // Read afresh (the maps keep theirs parsed; the exports keep only this text), so rewinding in place is safe.
    return new Map([...readOutlineFile(file, key)].map(([code, geometry]) => [code, JSON.stringify(rewind(geometry, false))]));
  }

  /** Each région as the union of its départements' polygons (shared borders dissolved). */
  private async loadRegions(): Promise<Map<string, string>> {
    const departments = await this.level("department");
    const regions = new Map<string, string>();
    for (const [region, codes] of await this.regionDepartments()) {
      const shapes = codes.map((code) => departments.get(code)).filter((g): g is string => g !== undefined).map((g) => (JSON.parse(g) as Geometry).coordinates);
      if (shapes.length === 0) continue;
      const [first, ...rest] = shapes;
      const union = polygonClipping.union(first, ...rest);
      const geometry = rewind({ type: union.length === 1 ? "Polygon" : "MultiPolygon", coordinates: union.length === 1 ? union[0] : union }, false);
      regions.set(region, JSON.stringify(geometry));
    }
    return regions;
  }
}
