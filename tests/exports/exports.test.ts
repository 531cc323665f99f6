import { useSeededApi } from "../support/suite";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { asNumber, csvRows, getFile } from "./export-client";

const ctx = useSeededApi();
let http: RunningHttpApp;
beforeAll(async () => {
  http = await startHttpApp(ctx.database.db);
});
afterAll(async () => {
  await http?.stop();
});

const get = (path: string, headers?: Record<string, string>) => getFile(http.base, path, headers);
const json = async (path: string) => JSON.parse((await get(path)).text);

/** Signed area of a ring (shoelace, x = longitude): positive when counterclockwise. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}
function polygonsOf(geometry: { type: string; coordinates: any }): number[][][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

describe("CSV as Excel reads it", () => {
  it("is UTF-8 with a byte-order mark, ';'-separated, CRLF, one header row, and links its datapackage", async () => {
    const answer = await get("/exports/departements.csv");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(answer.text.charCodeAt(0)).toBe(0xfeff);
    const lines = answer.text.slice(1).split("\r\n");
    expect(lines[0].startsWith("code;name;region_code;population;population_source;population_vintage;gp_density;")).toBe(true);
    expect(lines.filter((l) => l !== "")).toHaveLength(102);
    expect(answer.headers.get("link")).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/exports\/departements\.datapackage\.json>; rel="describedby"; type="application\/json"$/);
    const linked = answer.headers.get("link")!.match(/^<([^>]+)>/)![1];
    const pkg = JSON.parse((await getFile("", linked)).text);
    expect(pkg.profile).toBe("tabular-data-package");
  });

  it("puts a _source and a _vintage column right after every figure column, each source described in the datapackage", async () => {
    const pkg = await json("/exports/departements.datapackage.json");
    const fields: { name: string; type: string }[] = pkg.resources[0].schema.fields;
    const figures = fields.filter((f) => f.type === "number" || f.type === "integer");
    expect(figures.map((f) => f.name)).toEqual(expect.arrayContaining(["population", "gp_density", "apl", "sas_coverage", "pdsa_participation"]));
    for (const figure of figures) {
      const at = fields.findIndex((f) => f.name === figure.name);
      expect([fields[at + 1].name, fields[at + 2].name]).toEqual([`${figure.name}_source`, `${figure.name}_vintage`]);
    }
    const rows = csvRows((await get("/exports/departements.csv")).text);
    const described = new Set(pkg.sources.map((s: { name: string }) => s.name));
    for (const row of rows) for (const [column, cell] of Object.entries(row)) if (column.endsWith("_source") && cell !== "") expect(described).toContain(cell);
    for (const source of pkg.sources) expect(source).toEqual(expect.objectContaining({ title: expect.any(String), producer: expect.any(String), vintage: expect.any(String) }));
    expect(pkg.licenses).toContainEqual(expect.objectContaining({ name: "etalab-2.0" }));
  });

  it("gives each département the API's figures, with the API's source and date", async () => {
    const { data } = await ctx.api.execute(
      "{ departments { code population gpDensity { value date source { id } } apl { value date source { id } } sasCoverage { value date source { id } } pdsaParticipation { value date source { id } } } }",
    );
    const rows = new Map(csvRows((await get("/exports/departements.csv")).text).map((r) => [r.code, r]));
    expect(rows.size).toBe(101);
    for (const d of data.departments) {
      const row = rows.get(d.code)!;
      expect(asNumber(row.population)).toBe(d.population);
      for (const [column, measure] of [["gp_density", d.gpDensity], ["apl", d.apl], ["sas_coverage", d.sasCoverage], ["pdsa_participation", d.pdsaParticipation]] as const) {
        expect({ code: d.code, column, value: asNumber(row[column]), source: row[`${column}_source`] || null, vintage: row[`${column}_vintage`] || null }).toEqual({
          code: d.code,
          column,
          value: measure?.value ?? null,
          source: measure?.source.id ?? null,
          vintage: measure?.date ?? null,
        });
      }
    }
    // Mayotte: no APL from DREES; the cell is empty, not 0.
    expect(rows.get("976")!.apl).toBe("");
  });

  it("follows source and vintage for GP densities, and refuses a vintage that is not loaded", async () => {
    const [lot] = csvRows((await get("/exports/departements.csv?department=46&source=CNOM&vintage=2010&columns=code,gp_density")).text);
    const { data } = await ctx.api.execute('{ department(code: "46") { gpDensity(source: CNOM, vintage: "2010") { value date source { id } } } }');
    expect(lot).toEqual({ code: "46", gp_density: String(data.department.gpDensity.value), gp_density_source: data.department.gpDensity.source.id, gp_density_vintage: data.department.gpDensity.date });
    const refused = await get("/exports/departements.csv?source=CNOM&vintage=1999");
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("writes decimal commas on request, and the datapackage says so", async () => {
    const text = (await get("/exports/departements.csv?department=46&columns=code,gp_density&decimal=comma")).text;
    const [row] = csvRows(text);
    expect(row.gp_density).toMatch(/^\d+,\d+$/);
    const pkg = await json("/exports/departements.datapackage.json?department=46&columns=code,gp_density&decimal=comma");
    expect(pkg.resources[0].schema.fields.find((f: { name: string }) => f.name === "gp_density").decimalChar).toBe(",");
  });
});

describe("EPCI and communes: every row equals the API's", () => {
  it("epcis.csv holds the 1,255 EPCI with the API's population, APL and zone rouge, value for value", async () => {
    const rows = csvRows((await get("/exports/epcis.csv")).text);
    expect(rows).toHaveLength(1255);
    const fromApi = new Map<string, any>();
    let after: string | null = null;
    do {
      const page: any = (await ctx.api.execute(
        "query($after: String) { epcis(first: 100, after: $after, orderBy: SIREN) { edges { node { siren name kind population apl { value source { id } } zoneRouge { designatedOn confirmed } departments { code } } } pageInfo { hasNextPage endCursor } } }",
        { after },
      )).data.epcis;
      for (const { node } of page.edges) fromApi.set(node.siren, node);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const differences = rows.filter((r) => {
      const e = fromApi.get(r.siren);
      return !(
        e &&
        r.name === e.name &&
        r.kind === e.kind &&
        asNumber(r.population) === e.population &&
        asNumber(r.apl) === (e.apl?.value ?? null) &&
        (r.apl_source || null) === (e.apl?.source.id ?? null) &&
        r.zone_rouge === (e.zoneRouge ? "true" : "") &&
        r.zone_rouge_vintage === (e.zoneRouge?.designatedOn ?? "") &&
        r.zone_rouge_confirmed === (e.zoneRouge ? String(e.zoneRouge.confirmed) : "") &&
        r.department_codes === e.departments.map((d: { code: string }) => d.code).join(",")
      );
    });
    expect(differences).toEqual([]);
  });

  it("communes.csv streams all 34,875 communes, with postal and former codes", async () => {
    const rows = csvRows((await get("/exports/communes.csv")).text);
    expect(rows).toHaveLength(34875);
    expect(new Set(rows.map((r) => r.code)).size).toBe(34875);
    const arboys = rows.find((r) => r.code === "01015")!;
    expect(arboys).toEqual(expect.objectContaining({ name: "Arboys en Bugey", postal_codes: "01300", former_codes: "01340", population_source: "territories" }));
    expect(rows.find((r) => r.code === "42218")!.postal_codes).toBe("42000,42100,42230");
  });

  it("gives a commune's APL as the API does, weighted for Paris and for merged communes", async () => {
    const codes = ["75056", "38316", "01015", "46102", "97611"];
    const rows = new Map(csvRows((await get("/exports/communes.csv?columns=code,apl")).text).map((r) => [r.code, r]));
    for (const code of codes) {
      const { data } = await ctx.api.execute(`{ commune(code: "${code}") { apl { value date source { id } } } }`);
      const apl = data.commune.apl;
      expect({ code, ...rows.get(code) }).toEqual({ code, apl: apl ? String(apl.value) : "", apl_source: apl?.source.id ?? "", apl_vintage: apl?.date ?? "" });
    }
  });

  it("takes a former code as the current commune, and says which it was", async () => {
    const rows = csvRows((await get("/exports/communes.csv?commune=01340")).text);
    expect(rows.map((r) => r.code)).toEqual(["01015"]);
    const pkg = await json("/exports/communes.datapackage.json?commune=01340");
    expect(pkg.filters).toEqual({ communeCode: "01015", formerCode: { given: "01340", current: "01015" } });
    const epci = csvRows((await get("/exports/epcis.csv?commune=01340&columns=siren")).text);
    expect(epci).toEqual([{ siren: "200040350" }]);
  });

  it("filters by postal code (46100: the 19 communes it serves) and by département, as the API counts them", async () => {
    const byPostal = csvRows((await get("/exports/communes.csv?postalCode=46100&columns=code")).text);
    const { data } = await ctx.api.execute('{ communesByPostalCode(postalCode: "46100") { code } department(code: "46") { communes { totalCount } } }');
    expect(byPostal.map((r) => r.code).sort()).toEqual(data.communesByPostalCode.map((c: { code: string }) => c.code).sort());
    const lot = csvRows((await get("/exports/communes.csv?department=46&columns=code")).text);
    expect(lot).toHaveLength(data.department.communes.totalCount);
  });
});

describe("zones rouges: a partial list says so in the file", () => {
  it("writes the coverage on every CSV row, in the datapackage, the JSON and the GeoJSON", async () => {
    const { data } = await ctx.api.execute("{ zonesRouges { siren } zonesRougesCoverage { known confirmed expected complete } }");
    const rows = csvRows((await get("/exports/zones-rouges.csv")).text);
    expect(rows.map((r) => r.siren).sort()).toEqual(data.zonesRouges.map((z: { siren: string }) => z.siren).sort());
    const { confirmed, expected } = data.zonesRougesCoverage;
    for (const row of rows) expect(row.list_coverage).toBe(`${confirmed} of ${expected} zones rouges known in France: partial list`);
    const pkg = await json("/exports/zones-rouges.datapackage.json");
    expect(pkg.coverage).toEqual(expect.objectContaining({ known: data.zonesRougesCoverage.known, confirmed, expected, complete: false }));
    expect(pkg.notes[0]).toMatch(/^Partial list/);
    expect((await json("/exports/zones-rouges.json")).coverage).toEqual(pkg.coverage);
    const geojson = await json("/exports/zones-rouges.geojson");
    expect(geojson.datapackage.coverage).toEqual(pkg.coverage);
    expect(geojson.features).toHaveLength(rows.length);
  });

  it("lists a région's zones with the région's coverage (Occitanie)", async () => {
    const { data } = await ctx.api.execute('{ region(code: "76") { zonesRouges { siren } zonesRougesCoverage { confirmed expected } } }');
    const rows = csvRows((await get("/exports/zones-rouges.csv?region=76")).text);
    expect(rows.map((r) => r.siren).sort()).toEqual(data.region.zonesRouges.map((z: { siren: string }) => z.siren).sort());
    const { confirmed, expected } = data.region.zonesRougesCoverage;
    expect(rows[0].list_coverage).toBe(`${confirmed} of ${expected} zones rouges known in région 76: ${confirmed >= expected ? "complete" : "partial"} list`);
  });
});

describe("GeoJSON as QGIS reads it (RFC 7946)", () => {
  it("gives the 101 départements their contour, outer rings counterclockwise, in WGS84", async () => {
    const answer = await get("/exports/departements.geojson");
    expect(answer.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    const collection = JSON.parse(answer.text);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(101);
    for (const feature of collection.features) {
      for (const polygon of polygonsOf(feature.geometry)) {
        expect(signedArea(polygon[0])).toBeGreaterThan(0);
        for (const hole of polygon.slice(1)) expect(signedArea(hole)).toBeLessThan(0);
        for (const [lon, lat] of polygon[0]) expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90).toBe(true);
      }
    }
    expect(collection.datapackage.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(collection.features[0].properties));
  });

  it("draws each région as one shape, the union of its départements (Corse: 2A and 2B)", async () => {
    const collection = await json("/exports/regions.geojson");
    expect(collection.features).toHaveLength(18);
    const corse = collection.features.find((f: { properties: { code: string } }) => f.properties.code === "94");
    const departments = await json("/exports/departements.geojson?region=94&columns=code");
    const parts = departments.features.flatMap((f: any) => polygonsOf(f.geometry)).length;
    // Two départements sharing a border merge: fewer outer rings than the départements have between them.
    expect(polygonsOf(corse.geometry).length).toBeLessThan(parts);
    for (const feature of collection.features) for (const polygon of polygonsOf(feature.geometry)) expect(signedArea(polygon[0])).toBeGreaterThan(0);
  });

  it("gives communes their contour, and null where the 2018 files have none", async () => {
    const collection = await json("/exports/communes.geojson?department=46&columns=code,name");
    const { data } = await ctx.api.execute('{ department(code: "46") { communes { totalCount } } }');
    expect(collection.features).toHaveLength(data.department.communes.totalCount);
    expect(collection.features.every((f: any) => f.geometry !== null)).toBe(true);
    // Sannerville (14666) was re-established in 2017's commune nouvelle's place: no polygon of its own.
    const sannerville = await json("/exports/communes.geojson?commune=14666");
    expect(sannerville.features[0].geometry).toBeNull();
  });

  it("gives France's figures no geometry and a département's its contour", async () => {
    expect((await json("/exports/indicateurs.geojson?latestOnly=true")).features.every((f: any) => f.geometry === null)).toBe(true);
    const lot = await json("/exports/indicateurs.geojson?territory=department:46&latestOnly=true");
    expect(lot.features.length).toBeGreaterThan(0);
    expect(lot.features.every((f: any) => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon")).toBe(true);
  });
});

describe("indicators", () => {
  it("gives a territory's figures as indicators(territory:) does", async () => {
    const { data } = await ctx.api.execute('{ indicators(territory: "department:46") { id value date source { id } } }');
    const rows = csvRows((await get("/exports/indicateurs.csv?territory=department:46")).text);
    expect(rows.map((r) => `${r.indicator}@${r.territory}@${r.value_vintage}@${r.value_source}=${r.value}`)).toEqual(
      data.indicators.map((i: any) => `${i.id}=${i.value}`),
    );
    const sas = csvRows((await get("/exports/indicateurs.csv?territory=department:46&measure=sas-coverage&vintage=2024")).text);
    expect(sas.length).toBeGreaterThan(0);
    expect(sas.every((r) => r.indicator === "sas-coverage" && r.value_vintage.startsWith("2024"))).toBe(true);
  });
});

describe("JSON", () => {
  it("carries the metadata and the rows, values typed (numbers, booleans, null)", async () => {
    const body = await json("/exports/epcis.json?department=46");
    expect(body.name).toBe("territoire-sante-epcis");
    expect(body.filters).toEqual({ departmentCode: "46" });
    const cazals = body.rows.find((r: { siren: string }) => r.siren === "200035327");
    expect(cazals).toEqual(expect.objectContaining({ name: "CC Cazals-Salviac", population: expect.any(Number), zone_rouge: true, zone_rouge_confirmed: true }));
    expect(body.rows.filter((r: { zone_rouge: unknown }) => r.zone_rouge === null).length).toBeGreaterThan(0);
  });
});

describe("bad input: 400 with the valid values, never a 500", () => {
  it.each([
    ["/exports/nope.csv", 'unknown export "nope"; valid exports: regions, departements, epcis, communes, zones-rouges, indicateurs'],
    ["/exports/departements.xlsx", '"departements.xlsx" is not an export file'],
    ["/exports/departements.csv?regions=76", 'unknown parameter "regions" for departements; valid parameters: columns, decimal, region, department, source, vintage'],
    ["/exports/departements.csv?columns=code,nam", 'unknown column "nam"; valid columns: code, name, region_code'],
    ["/exports/departements.csv?region=7", 'region must be two digits, e.g. "76" (received "7")'],
    ["/exports/departements.csv?region=99", 'region "99" does not exist; valid régions: 01, 02, 03, 04, 06, 11'],
    ["/exports/communes.csv?commune=99999", 'commune "99999" is the INSEE code of no commune, current or former (COG 2026)'],
    ["/exports/communes.csv?postalCode=00000", 'postalCode "00000" serves no commune'],
    ["/exports/departements.csv?decimal=virgule", "decimal must be one of point, comma (received \"virgule\")"],
    ["/exports/departements.csv?source=INSEE", "source must be one of DREES_RPPS, CNOM, CNAM_LIBERAUX"],
    ["/exports/indicateurs.csv?measure=gp-cont", 'unknown measure "gp-cont"; valid measures: '],
    ["/exports/indicateurs.csv?territory=department:99", 'department "99" does not exist'],
    ["/exports/departements.csv?region=76&region=84", "region must be given once, as text"],
  ])("%s", async (path, message) => {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const [error] = JSON.parse(answer.text).errors;
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain(message);
  });
});

describe("caching by data version", () => {
  it("answers 304 to the same ETag, and changes the ETag after a write", async () => {
    const first = await get("/exports/regions.csv");
    const etag = first.headers.get("etag")!;
    expect((await get("/exports/regions.csv", { "If-None-Match": etag })).status).toBe(304);
    const again = await get("/exports/regions.csv");
    expect(again.text).toBe(first.text);
    expect(again.headers.get("etag")).toBe(etag);
    // A partner's write adds to the audit trail: the data version, and so the ETag, change.
    await ctx.database.db.query(
      "INSERT INTO audit_log (id, at, api_key_id, organization_id, action, entity, entity_id) VALUES ('export-test', '2026-12-07T10:00:00.000Z', 'k', 'o', 'update', 'initiative', 'x')",
    );
    const after = await get("/exports/regions.csv", { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(after.text).toBe(first.text);
  });
});
