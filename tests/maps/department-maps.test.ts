import { useSeededApi } from "../support/suite";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { NO_FIGURE_FILL } from "../../src/maps/choropleth.svg";

const ctx = useSeededApi();
let http: RunningHttpApp;
beforeAll(async () => {
  http = await startHttpApp(ctx.database.db);
});
afterAll(async () => {
  await http?.stop();
});

interface DrawnDepartment {
  code: string;
  value: number | null;
  fill: string;
}

/** The départements a map draws, read from its SVG: code, value (null = no figure) and fill. */
function departmentsOf(svg: string): Map<string, DrawnDepartment> {
  const drawn = new Map<string, DrawnDepartment>();
  for (const [, attributes] of svg.matchAll(/<path class="department" ([^>]*)>/g)) {
    const attribute = (name: string) => attributes.match(new RegExp(`${name}="([^"]*)"`))?.[1];
    const value = attribute("data-value");
    drawn.set(attribute("data-code")!, { code: attribute("data-code")!, value: value === undefined ? null : Number(value), fill: attribute("fill")! });
  }
  return drawn;
}

async function getMap(path: string): Promise<{ status: number; type: string | null; svg: string }> {
  const res = await fetch(`${http.base}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), svg: await res.text() };
}

describe("GET /maps/departements.svg: a choropleth of the départements", () => {
  it("draws all 101 départements, overseas ones included, each coloured by its GP density, with a legend", async () => {
    const { status, type, svg } = await getMap("/maps/departements.svg?measure=gpDensity");
    expect(status).toBe(200);
    expect(type).toMatch(/^image\/svg\+xml/);
    const drawn = departmentsOf(svg);
    expect(drawn.size).toBe(101);
    for (const code of ["971", "972", "973", "974", "976", "2A", "2B", "46"]) expect(drawn.get(code)?.value).not.toBeNull();
    expect([...drawn.values()].filter((d) => d.fill !== NO_FIGURE_FILL)).toHaveLength(101);
    expect(svg).toMatch(/<g id="legend" data-classes="5">/);
    expect(svg.match(/class="legend-swatch"/g)).toHaveLength(5);
  });

  it("prints the title, the vintage, the producer and the licence on the map itself", async () => {
    const { svg } = await getMap("/maps/departements.svg?measure=gpDensity&source=CNOM&vintage=2025");
    expect(svg).toContain("General practitioners per 100,000 inhabitants");
    expect(svg).toContain("figures of 2025-01-01");
    expect(svg).toMatch(/Source: CNOM \(Conseil national de l&#39;Ordre des médecins\)/);
    expect(svg).toContain("Not open: CNOM publication");
    // CNOM does not cover Mayotte: it is drawn, in the "no data" grey, and the legend says so.
    expect(departmentsOf(svg).get("976")).toEqual({ code: "976", value: null, fill: NO_FIGURE_FILL });
    expect(svg).toContain("no data (1)");
  });

  it("draws the same value as the API gives, and a Measure's mapUrl points to that map", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "46") { gpDensity(source: CNOM, vintage: "2010") { value date mapUrl } } }`);
    const measure = data.department.gpDensity;
    expect(measure.mapUrl).toBe("/maps/departements.svg?measure=gpDensity&source=CNOM&vintage=2010");
    const { svg } = await getMap(measure.mapUrl);
    expect(departmentsOf(svg).get("46")?.value).toBe(measure.value);
    expect(svg).toContain("figures of 2010");
  });

  it("maps PDSA participation at one survey date, leaving départements without a figure grey", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "88") { pdsaParticipation { value date mapUrl } } }`);
    expect(data.department.pdsaParticipation).toEqual({ value: 84, date: "2024", mapUrl: "/maps/departements.svg?measure=pdsaParticipation&vintage=2024" });
    const drawn = departmentsOf((await getMap(data.department.pdsaParticipation.mapUrl)).svg);
    expect([...drawn.values()].filter((d) => d.value !== null).map((d) => [d.code, d.value])).toEqual([["75", 9], ["88", 84]]);
    const older = departmentsOf((await getMap("/maps/departements.svg?measure=pdsaParticipation&vintage=2022")).svg);
    expect([...older.values()].filter((d) => d.value !== null).map((d) => [d.code, d.value])).toEqual([["08", 81], ["75", 7], ["88", 81]]);
  });

  it("maps any specialty of a producer, linked from each ProfessionalStat", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "46") { professionals(source: CNAM_LIBERAUX, specialty: "infirmiers") { specialty densityPer100k mapUrl } } }`);
    const [nurses] = data.department.professionals;
    expect(nurses.mapUrl).toBe("/maps/departements.svg?measure=professionals&source=CNAM_LIBERAUX&vintage=2024&specialty=Infirmiers");
    const { svg } = await getMap(nurses.mapUrl);
    expect(svg).toContain("Infirmiers per 100,000 inhabitants");
    expect(departmentsOf(svg).get("46")?.value).toBe(nurses.densityPer100k);
  });

  it("maps the share of each département's population living in a zone rouge, with the partial-list caveat", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "46") { population zonesRouges { departments { code } communes { population } } } }`);
    const lot = data.department;
    // Both Lot zones lie wholly in the Lot; the département's population is the sum of its communes', so the
    // share uses the same base: the communes of its zones rouges.
    expect(lot.zonesRouges).toHaveLength(2);
    expect(lot.zonesRouges.every((z: any) => z.departments.length === 1 && z.departments[0].code === "46")).toBe(true);
    const inZones = lot.zonesRouges.flatMap((z: any) => z.communes).reduce((sum: number, c: any) => sum + c.population, 0);
    const expected = (100 * inZones) / lot.population;
    const { svg } = await getMap("/maps/departements.svg?measure=zoneRougePopulationShare");
    const drawn = departmentsOf(svg);
    expect(drawn.get("46")?.value).toBeCloseTo(expected, 9);
    // Île-de-France's list is complete (0 of 0): Paris is a true 0 %. Grand Est's is not (0 of 10): the Vosges are "no data".
    expect(drawn.get("75")?.value).toBe(0);
    expect(drawn.get("88")).toEqual({ code: "88", value: null, fill: NO_FIGURE_FILL });
    expect(svg).toMatch(/Partial list: 61 of the 151 EPCI are loaded/);
    const withUnconfirmed = departmentsOf((await getMap("/maps/departements.svg?measure=zoneRougePopulationShare&includeUnconfirmed=true")).svg);
    // Cantal: no confirmed zone and an incomplete Auvergne-Rhône-Alpes list, so no data; its two unconfirmed zones give it a share.
    expect(drawn.get("15")!.value).toBeNull();
    expect(withUnconfirmed.get("15")!.value!).toBeGreaterThan(0);
  });

  it("never draws a département without a value in a value colour: every such one is \"no data\", and the legend counts them", async () => {
    for (const measure of ["gpDensity&source=CNOM", "sasCoverage", "pdsaParticipation", "zoneRougePopulationShare", "zonesRougesKnown"]) {
      const { svg } = await getMap(`/maps/departements.svg?measure=${measure}`);
      const drawn = [...departmentsOf(svg).values()];
      const gaps = drawn.filter((d) => d.value === null);
      for (const d of drawn) expect({ measure, code: d.code, grey: d.fill === NO_FIGURE_FILL }).toEqual({ measure, code: d.code, grey: d.value === null });
      if (gaps.length > 0) expect(svg).toContain(`no data (${gaps.length})`);
    }
  });

  it("draws the GP density map when no measure is given (instead of answering 400)", async () => {
    const bare = await getMap("/maps/departements.svg");
    expect(bare.status).toBe(200);
    expect(bare.svg).toBe((await getMap("/maps/departements.svg?measure=gpDensity")).svg);
  });

  it("maps the zones rouges known against expected per région, with unknown counts as \"no data\"", async () => {
    const { svg } = await getMap("/maps/departements.svg?measure=zonesRougesKnown");
    const drawn = departmentsOf(svg);
    expect(svg).toContain("Zones rouges known against expected, by région");
    expect(drawn.get("67")?.value).toBe(0); // Grand Est: 0 of 10
    expect(svg).toContain("Bas-Rhin (67): Grand Est: 0 known of 10 expected");
    expect(drawn.get("29")?.value).toBe(100); // Bretagne: 2 of 2
    expect(drawn.get("21")).toEqual({ code: "21", value: null, fill: NO_FIGURE_FILL }); // Bourgogne-Franche-Comté: count unknown
    expect(svg).toContain("Côte-d&#39;Or (21): Bourgogne-Franche-Comté: 0 known, expected unknown (no data)");
    expect(drawn.get("46")?.value).toBeCloseTo((100 * 19) / 28, 9); // Occitanie: 19 confirmed of 28
  });

  it("is also offered as a PNG image", async () => {
    const res = await fetch(`${http.base}/maps/departements.png?measure=sasCoverage`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1880); // IHDR width
  });

  it("answers a bad request with 400 and the API's error codes, naming the parameter", async () => {
    const cases: [string, RegExp, string[]][] = [
      ["measure=gpDensty", /measure must be one of gpDensity, professionals/, ["measure"]],
      ["measure=professionals", /needs a specialty/, ["specialty"]],
      ["measure=professionals&source=CNOM&specialty=chirurgie", /matches 11 specialties of CNOM; give one of: Chirurgie de la face/, ["specialty"]],
      ["measure=gpDensity&vintage=1999", /vintage "1999" of DREES_RPPS is not loaded \(available: 2022-01-01\)/, []],
      ["measure=sasCoverage&vintage=2031", /vintage "2031" of sasCoverage is not loaded/, ["vintage"]],
      ["measure=gpDensity&colour=red", /Unrecognized key: "colour"/, ["colour"]],
    ];
    for (const [query, message, invalid] of cases) {
      const res = await fetch(`${http.base}/maps/departements.svg?${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.errors[0].message).toMatch(message);
      expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(body.errors[0].extensions.invalidArguments ?? []).toEqual(invalid);
    }
  });
});
