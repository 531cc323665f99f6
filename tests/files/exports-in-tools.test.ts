import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useSeededApi } from "../support/suite";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { EXPORTS } from "../../src/exports/export-catalogue";
import { getFile } from "../exports/export-client";

/**
 * Our files read with the tools users read them with: GDAL's ogrinfo (what QGIS opens files
 * with) and Python's csv module. Run by `npm run test:files`, which installs both where missing.
 */
const ctx = useSeededApi();
let http: RunningHttpApp;
let dir: string;
beforeAll(async () => {
  http = await startHttpApp(ctx.database.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-files-"));
});
afterAll(async () => {
  await http?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Downloads an export to a file named as the route names it. */
async function download(route: string): Promise<{ file: string; text: string }> {
  const answer = await getFile(http.base, route);
  expect({ route, status: answer.status }).toEqual({ route, status: 200 });
  // The query string goes into the name before the extension: GDAL picks its CSV driver by the extension.
  const [name, query] = route.replace(/^\/exports\//, "").split("?");
  const extension = path.extname(name);
  const file = path.join(dir, `${name.slice(0, -extension.length)}${query ? `_${query.replace(/[&=:,]/g, "_")}` : ""}${extension}`);
  fs.writeFileSync(file, answer.bytes);
  return { file, text: answer.text };
}

/** ogrinfo's summary of a file's only layer: feature count and field names. */
function ogrinfo(file: string): { count: number; fields: string[]; geometry: string; wgs84: boolean } {
  const out = execFileSync("ogrinfo", ["-ro", "-so", "-al", "-oo", "AUTODETECT_TYPE=NO", file], { maxBuffer: 64 * 1024 * 1024 }).toString();
  const count = Number(/Feature Count: (\d+)/.exec(out)?.[1]);
  const geometry = /Geometry: (.+)/.exec(out)?.[1] ?? "";
  // Field lines follow the layer's extent and SRS: "name: Type (width.precision)".
  const fields = [...out.matchAll(/^([A-Za-z0-9_.]+): (String|Integer|Integer64|Real|Date)\b/gm)].map((m) => m[1]);
  return { count, fields, geometry, wgs84: out.includes('GEOGCRS["WGS 84"') };
}

describe("GDAL's ogrinfo opens every export", () => {
  const routes = EXPORTS.map((e) => e.name).map((name) => (name === "indicateurs" ? "indicateurs.{format}?territory=department:46" : `${name}.{format}`));

  it.each(routes)("%s as GeoJSON and CSV: the expected feature count and fields", async (route) => {
    const json = JSON.parse((await getFile(http.base, `/exports/${route.replace("{format}", "json")}`)).text);
    const columns = Object.keys(json.rows[0]);
    expect(json.rows.length).toBeGreaterThan(0);
    for (const format of ["geojson", "csv"]) {
      const { file } = await download(`/exports/${route.replace("{format}", format)}`);
      const info = ogrinfo(file);
      expect({ route, format, count: info.count }).toEqual({ route, format, count: json.rows.length });
      expect({ route, format, fields: info.fields }).toEqual({ route, format, fields: columns });
      // Polygons and multipolygons mixed: GDAL calls the layer's type "Unknown (any)" (the Lot alone: Polygon); a CSV has none.
      if (format === "geojson") expect({ route, polygons: /^(Unknown \(any\)|Polygon)$/.test(info.geometry), wgs84: info.wgs84 }).toEqual({ route, polygons: true, wgs84: true });
      else expect(info.geometry).toBe("None");
    }
  });
});

/** Python's csv module on our CSV: every row, every cell as the API gives it. */
function pythonRows(file: string): Record<string, string>[] {
  return JSON.parse(execFileSync("python3", [path.join(__dirname, "csv_rows.py"), file], { maxBuffer: 256 * 1024 * 1024 }).toString());
}
const cell = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

describe("a CSV round trip through Python's csv module gives the API's values exactly", () => {
  it("epcis.csv: 0 differences over its 1,255 rows", async () => {
    const { file } = await download("/exports/epcis.csv");
    const rows = pythonRows(file);
    expect(rows).toHaveLength(1255);
    const api = new Map<string, Record<string, string>>();
    let after: string | null = null;
    do {
      const page: any = (await ctx.api.execute(
        "query($after: String) { epcis(first: 100, after: $after, orderBy: SIREN) { edges { node { siren name kind population apl { value date source { id } } zoneRouge { designatedOn confirmed source { id } } departments { code region { code } } } } pageInfo { hasNextPage endCursor } } }",
        { after },
      )).data.epcis;
      for (const { node: e } of page.edges) {
        api.set(e.siren, {
          siren: e.siren, name: e.name, kind: e.kind,
          population: cell(e.population), population_source: "territories", population_vintage: "COG 2026",
          department_codes: e.departments.map((d: any) => d.code).join(","),
          region_codes: [...new Set(e.departments.map((d: any) => d.region.code))].join(","),
          apl: cell(e.apl?.value), apl_source: cell(e.apl?.source.id), apl_vintage: cell(e.apl?.date),
          zone_rouge: e.zoneRouge ? "true" : "", zone_rouge_source: cell(e.zoneRouge?.source.id), zone_rouge_vintage: cell(e.zoneRouge?.designatedOn),
          zone_rouge_confirmed: e.zoneRouge ? String(e.zoneRouge.confirmed) : "",
        });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const differences = rows.filter((row) => JSON.stringify(row) !== JSON.stringify(api.get(row.siren)));
    expect(differences).toEqual([]);
  });

  it("communes.csv: 0 differences over its 34,875 rows", async () => {
    const { file } = await download("/exports/communes.csv");
    const rows = pythonRows(file);
    expect(rows).toHaveLength(34875);
    const departments: string[] = (await ctx.api.execute("{ departments { code } }")).data.departments.map((d: { code: string }) => d.code);
    const api = new Map<string, Record<string, string>>();
    for (const department of departments) {
      let after: string | null = null;
      do {
        const page: any = (await ctx.api.execute(
          `query($after: String) { department(code: "${department}") { communes(first: 100, after: $after) { edges { node {
             code name department { code region { code } } epci { siren } population postalCodes formerCodes apl { value date source { id } } } }
             pageInfo { hasNextPage endCursor } } } }`,
          { after },
        )).data.department.communes;
        for (const { node: c } of page.edges) {
          api.set(c.code, {
            code: c.code, name: c.name, department_code: c.department.code, region_code: c.department.region.code, epci_siren: cell(c.epci?.siren),
            population: cell(c.population), population_source: "territories", population_vintage: "COG 2026",
            postal_codes: c.postalCodes.join(","), former_codes: c.formerCodes.join(","),
            apl: cell(c.apl?.value), apl_source: cell(c.apl?.source.id), apl_vintage: cell(c.apl?.date),
          });
        }
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    }
    expect(api.size).toBe(34875);
    const differences = rows.filter((row) => JSON.stringify(row) !== JSON.stringify(api.get(row.code)));
    expect(differences).toEqual([]);
  });
});
