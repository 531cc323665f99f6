import { useSeededApi } from "../support/suite";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { areasOf, legendRowsOf, tableRowsOf } from "../support/map-svg";
import { NO_FIGURE_FILL } from "../../src/maps/map-classes";

const ctx = useSeededApi();
let http: RunningHttpApp;
beforeAll(async () => {
  http = await startHttpApp(ctx.database.db);
});
afterAll(async () => {
  await http?.stop();
});

async function getMap(path: string): Promise<{ status: number; type: string | null; svg: string }> {
  const res = await fetch(`${http.base}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), svg: await res.text() };
}
const departmentsOf = (svg: string) => areasOf(svg, "departement");
/** A number as French writes it, with one decimal at most. */
const french = (value: number) => String(Math.round(value * 10) / 10).replace(".", ",");

describe("GET /maps/departements.svg: a choropleth of the départements", () => {
  it("draws all 101 départements, overseas ones included, each coloured by its GP density, with a legend", async () => {
    const { status, type, svg } = await getMap("/maps/departements.svg?measure=gpDensity");
    expect(status).toBe(200);
    expect(type).toMatch(/^image\/svg\+xml/);
    const drawn = departmentsOf(svg);
    expect(drawn.size).toBe(101);
    for (const code of ["971", "972", "973", "974", "976", "2A", "2B", "46"]) expect(drawn.get(code)?.value).not.toBeNull();
    expect([...drawn.values()].filter((d) => d.fill !== NO_FIGURE_FILL)).toHaveLength(101);
    expect(svg).toMatch(/<g class="legend" data-classes="5"/);
    expect(svg.match(/class="legend-swatch"/g)).toHaveLength(5);
  });

  it("speaks French by default: title, date, numbers and source line; English with lang=en", async () => {
    const { svg } = await getMap("/maps/departements.svg?measure=gpDensity&source=CNOM&vintage=2025");
    expect(svg).toContain(">Médecins généralistes pour 100 000 habitants</text>");
    expect(svg).toContain("Par département · France entière · données du 1er janvier 2025");
    expect(svg).toMatch(/Source : CNOM \(Conseil national de l&#39;Ordre des médecins\)/);
    expect(svg).toContain("Not open: CNOM publication");
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/lang="fr"/);
    // CNOM does not cover Mayotte: it is drawn, in the "no data" grey, and the legend says so.
    expect(departmentsOf(svg).get("976")).toMatchObject({ value: null, fill: NO_FIGURE_FILL, title: "Mayotte (976) : donnée non disponible" });
    expect(legendRowsOf(svg)).toContain("donnée non disponible (1)");
    const lot = departmentsOf(svg).get("46")!;
    expect(lot.title).toBe(`Lot (46) : ${french(lot.value!)} pour 100 000 habitants`);

    const english = (await getMap("/maps/departements.svg?measure=gpDensity&source=CNOM&vintage=2025&lang=en")).svg;
    expect(english).toContain(">General practitioners per 100,000 inhabitants</text>");
    expect(english).toContain("By département · France · figures of 1 January 2025");
    expect(legendRowsOf(english)).toContain("no data (1)");
    expect(departmentsOf(english).get("46")!.title).toBe(`Lot (46): ${String(Math.round(lot.value! * 10) / 10)} per 100,000 inhabitants`);
  });

  it("has a title and a description for the whole map, and a title per département with its value", async () => {
    const { svg } = await getMap("/maps/departements.svg?measure=sasCoverage");
    expect(svg).toMatch(/<title>[^<]*Par département · France entière · données du 1er septembre 2024<\/title>/);
    expect(svg).toMatch(/<desc>Carte de 101 départements, France entière : Population couverte par un service d&#39;accès aux soins \(SAS\)\. .*tableau : \/maps\/departements\.html\?measure=sasCoverage<\/desc>/);
    for (const d of departmentsOf(svg).values()) expect(d.title).toMatch(/^.+ \(\w+\) : (\d+(,\d)? % de la population|donnée non disponible)$/);
  });

  it("draws the same value as the API gives, and a Measure's mapUrl points to that map", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "46") { gpDensity(source: CNOM, vintage: "2010") { value date mapUrl } } }`);
    const measure = data.department.gpDensity;
    expect(measure.mapUrl).toBe("/maps/departements.svg?measure=gpDensity&source=CNOM&vintage=2010");
    const { svg } = await getMap(measure.mapUrl);
    expect(departmentsOf(svg).get("46")?.value).toBe(measure.value);
    expect(svg).toContain("données de 2010");
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
    expect(svg).toContain("Infirmiers pour 100 000 habitants");
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
    expect(drawn.get("88")).toMatchObject({ value: null, fill: NO_FIGURE_FILL });
    expect(svg).toMatch(/Liste partielle : 61 des 151 EPCI sont chargés/);
    const withUnconfirmed = departmentsOf((await getMap("/maps/departements.svg?measure=zoneRougePopulationShare&includeUnconfirmed=true")).svg);
    // Cantal: no confirmed zone and an incomplete Auvergne-Rhône-Alpes list, so no data; its two unconfirmed zones give it a share.
    expect(drawn.get("15")!.value).toBeNull();
    expect(withUnconfirmed.get("15")!.value!).toBeGreaterThan(0);
  });

  it("never draws a département without a value in a value colour: every such one is \"donnée non disponible\", and the legend counts them", async () => {
    for (const measure of ["gpDensity&source=CNOM", "sasCoverage", "pdsaParticipation", "zoneRougePopulationShare", "zonesRougesKnown", "apl"]) {
      const { svg } = await getMap(`/maps/departements.svg?measure=${measure}`);
      const drawn = [...departmentsOf(svg).values()];
      const gaps = drawn.filter((d) => d.value === null);
      for (const d of drawn) expect({ measure, code: d.code, grey: d.fill === NO_FIGURE_FILL }).toEqual({ measure, code: d.code, grey: d.value === null });
      if (gaps.length > 0) expect(legendRowsOf(svg)).toContain(`donnée non disponible (${gaps.length})`);
    }
  });

  it("maps the population-weighted APL and the population of each département, as the API gives them", async () => {
    const { data } = await ctx.api.execute(`{ departments { code population apl { value date } } }`);
    const apl = departmentsOf((await getMap("/maps/departements.svg?measure=apl")).svg);
    const population = departmentsOf((await getMap("/maps/departements.svg?measure=population")).svg);
    for (const d of data.departments) {
      expect([d.code, apl.get(d.code)?.value ?? null]).toEqual([d.code, d.apl?.value ?? null]);
      expect([d.code, population.get(d.code)?.value]).toEqual([d.code, d.population]);
    }
    // DREES does not compute Mayotte's APL: "donnée non disponible", not 0.
    expect(apl.get("976")).toMatchObject({ value: null, fill: NO_FIGURE_FILL });
  });

  it("zooms on one région with region=76: its 13 départements only, outlined", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "76") { departments { code } } }`);
    const { status, svg } = await getMap("/maps/departements.svg?measure=gpDensity&region=76");
    expect(status).toBe(200);
    expect([...departmentsOf(svg).keys()].sort()).toEqual(data.region.departments.map((d: any) => d.code).sort());
    expect(svg).toContain("Par département · Occitanie (76) · données du 1er janvier 2022");
    expect(svg).toContain('class="scope-outline"');
  });

  it("draws the GP density map when no measure is given (instead of answering 400)", async () => {
    const bare = await getMap("/maps/departements.svg");
    expect(bare.status).toBe(200);
    expect(bare.svg).toBe((await getMap("/maps/departements.svg?measure=gpDensity")).svg);
  });

  it("maps the zones rouges known against expected per région, with unknown counts as \"donnée non disponible\"", async () => {
    const { svg } = await getMap("/maps/departements.svg?measure=zonesRougesKnown");
    const drawn = departmentsOf(svg);
    expect(svg).toContain("Zones rouges connues sur attendues, par région");
    expect(drawn.get("67")?.value).toBe(0); // Grand Est: 0 of 10
    expect(drawn.get("67")?.title).toBe("Bas-Rhin (67) : 0 % des zones rouges de la région connues — Grand Est : liste incomplète : 0 connue sur 10 attendues");
    expect(drawn.get("29")?.value).toBe(100); // Bretagne: 2 of 2
    expect(drawn.get("21")).toMatchObject({ value: null, fill: NO_FIGURE_FILL }); // Bourgogne-Franche-Comté: count unknown
    expect(drawn.get("21")?.title).toBe("Côte-d'Or (21) : donnée non disponible — Bourgogne-Franche-Comté : nombre attendu inconnu (0 connue)");
    expect(drawn.get("46")?.value).toBeCloseTo((100 * 19) / 28, 9); // Occitanie: 19 confirmed of 28
  });

  it("is also offered as a PNG image", async () => {
    const res = await fetch(`${http.base}/maps/departements.png?measure=sasCoverage`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1920); // IHDR width
  });

  it("has a table alternative: one row per département with the map's value, source and vintage", async () => {
    const svg = departmentsOf((await getMap("/maps/departements.svg?measure=sasCoverage")).svg);
    const html = await (await fetch(`${http.base}/maps/departements.html?measure=sasCoverage`)).text();
    const rows = tableRowsOf(html);
    expect(rows).toHaveLength(101);
    for (const row of rows) expect([row.code, row.value]).toEqual([row.code, svg.get(row.code)!.value]);
    const lot = rows.find((r) => r.code === "46")!;
    expect(lot.vintage).toBe("1er septembre 2024");
    expect(lot.source).toMatch(/^DITP/);
  });

  it("answers a bad request with 400, in French and English, naming the parameter and its valid values", async () => {
    const cases: [string, RegExp, string[]][] = [
      ["measure=gpDensty", /^mesure inconnue « gpDensty » ; mesures possibles au niveau des départements : gpDensity, professionals.* \/ unknown measure "gpDensty"; valid measures at département level: gpDensity, professionals/, ["measure"]],
      ["measure=professionals", /demande une spécialité.* \/ measure=professionals needs a specialty/, ["specialty"]],
      ["measure=professionals&source=CNOM&specialty=chirurgie", /désigne 11 spécialités de CNOM.* \/ specialty "chirurgie" matches 11 specialties of CNOM; give one of: Chirurgie de la face/, ["specialty"]],
      ["measure=gpDensity&vintage=1999", /millésime « 1999 » de DREES_RPPS non chargé \(disponibles : 2022-01-01\) \/ vintage "1999" of DREES_RPPS is not loaded \(available: 2022-01-01\)/, ["vintage"]],
      ["measure=sasCoverage&vintage=2031", /vintage "2031" of sasCoverage is not loaded/, ["vintage"]],
      ["measure=gpDensity&colour=red", /paramètre inconnu « colour ».* \/ unknown parameter "colour" for \/maps\/departements.svg; valid parameters: measure, lang, region, source/, ["colour"]],
      ["measure=zonesRouges", /la mesure « zonesRouges » n'a pas de donnée au niveau des départements : elle se dessine sur \/maps\/epcis.svg/, ["measure"]],
      ["measure=gpDensity&region=99", /région inconnue « 99 » ; codes INSEE possibles : 01 \(Guadeloupe\).* \/ unknown région "99"/, ["region"]],
      ["measure=gpDensity&lang=de", /lang doit valoir fr, en .* \/ lang must be one of fr, en/, ["lang"]],
    ];
    for (const [query, message, invalid] of cases) {
      const res = await fetch(`${http.base}/maps/departements.svg?${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect({ query, message: body.errors[0].message }).toEqual({ query, message: expect.stringMatching(message) });
      expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(body.errors[0].extensions.invalidArguments).toEqual(invalid);
    }
    const measure = (await (await fetch(`${http.base}/maps/departements.svg?measure=nothing`)).json()) as any;
    expect(measure.errors[0].extensions.validValues.measure).toContain("gpDensity");
  });
});
