import type { Feature, FeatureCollection, MultiPolygon as GeoMultiPolygon } from "geojson";
import { topology } from "topojson-server";
import { merge } from "topojson-client";
import type { GeometryCollection, MultiPolygon, Polygon } from "topojson-specification";
import type { DepartmentTopology, Outline } from "./contour-files";

/** The département of an INSEE commune code: its first two characters, three overseas ("97209" → "972"). */
export function departmentOfCommune(code: string): string {
  return code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2);
}

type CommuneGeometry = (Polygon | MultiPolygon) & { properties: { code: string } };

/**
 * The départements' outlines, dissolved from the communes' polygons. The commune file shares
 * every border exactly between neighbours (it was simplified as one topology), so the union of a
 * département's communes is exact: the TopoJSON arcs of the communes are regrouped, no vertex is
 * moved or added. The result is a topology too (each border between two départements stored once),
 * in longitude and latitude, at the commune file's precision (4 decimals).
 */
export function deriveDepartmentTopology(communes: Map<string, Outline>): DepartmentTopology {
  const collection: FeatureCollection<Outline, { code: string }> = {
    type: "FeatureCollection",
    features: [...communes].map(([code, geometry]) => ({ type: "Feature", properties: { code }, geometry })),
  };
  const byCommune = topology({ communes: collection });
  const groups = new Map<string, CommuneGeometry[]>();
  for (const geometry of (byCommune.objects.communes as GeometryCollection<{ code: string }>).geometries as CommuneGeometry[]) {
    const department = departmentOfCommune(geometry.properties.code);
    const group = groups.get(department) ?? [];
    group.push(geometry);
    groups.set(department, group);
  }
  const departments: FeatureCollection<GeoMultiPolygon, { code: string }> = {
    type: "FeatureCollection",
    features: [...groups.keys()].sort().map((code): Feature<GeoMultiPolygon, { code: string }> => ({
      type: "Feature",
      properties: { code },
      geometry: merge(byCommune, groups.get(code) ?? []),
    })),
  };
  return topology({ departements: departments }) as DepartmentTopology;
}
