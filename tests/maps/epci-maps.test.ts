import { useSeededApi } from "../support/suite";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { CALLERS } from "../support/callers";
import { areasOf, legendRowsOf, tableRowsOf } from "../support/map-svg";
import { NO_FIGURE_FILL } from "../../src/maps/map-classes";
import { ZONE_ROUGE_FILLS } from "../../src/maps/zones-rouges-map";
import { epciOutlines } from "../../src/maps/geometry/contour-files";
import { planarOutlines } from "../../src/maps/geometry/planar-outlines";
import { frameOfDepartment } from "../../src/maps/geometry/frames";

const ctx = useSeededApi();
let http: RunningHttpApp;

interface ApiEpci {
  siren: string;
  name: string;
  population: number;
  apl: { value: number; date: string } | null;
  zoneRouge: { confirmed: boolean; source: { title: string; url: string | null } } | null;
  departments: { code: string; region: { code: string } }[];
}
interface ApiRegion {
  code: string;
  name: string;
  zonesRougesCoverage: { known: number; confirmed: number; unconfirmed: number; expected: number | null; complete: boolean | null };
  epcis: ApiEpci[];
}
/** Every EPCI as the API gives it (through its régions: an EPCI straddling two appears in both), and each région's coverage. */
let regions: ApiRegion[];
let epcis: Map<string, ApiEpci>;
/** The national zones-rouges map, drawn once for the file: SVG and JSON table. */
let national: { status: number; svg: string; bytes: number };
let nationalJson: any;

async function get(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${http.base}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

beforeAll(async () => {
  http = await startHttpApp(ctx.database.db);
  const { data, errors } = await ctx.api.execute(`{ regions { code name zonesRougesCoverage { known confirmed unconfirmed expected complete }
    epcis { siren name population apl { value date } zoneRouge { confirmed source { title url } } departments { code region { code } } } } }`);
  expect(errors).toBeUndefined();
  regions = data.regions;
  epcis = new Map(regions.flatMap((r) => r.epcis.map((e) => [e.siren, e] as const)));
  const svg = await get("/maps/epcis.svg?measure=zonesRouges");
  national = { status: svg.status, svg: svg.text, bytes: Buffer.byteLength(svg.text) };
  nationalJson = JSON.parse((await get("/maps/epcis.json?measure=zonesRouges")).text);
});
afterAll(async () => {
  await http?.stop();
});

describe("GET /maps/epcis.svg?measure=zonesRouges: the zones rouges of France, by EPCI", () => {
  it("draws the 1,255 EPCI of COG 2026, overseas ones in insets, in an SVG under 2 MB", () => {
    expect(national.status).toBe(200);
    expect(epcis.size).toBe(1255);
    const drawn = areasOf(national.svg, "epci");
    expect([...drawn.keys()].sort()).toEqual([...epcis.keys()].sort());
    expect(national.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(national.svg).toContain(">Zones rouges du Pacte de lutte contre les déserts médicaux</text>");
    expect(national.svg).toContain("Par EPCI (intercommunalité) · France entière · données du 27 juin 2025");
    for (const inset of ["Guadeloupe (971)", "Martinique (972)", "Guyane (973)", "La Réunion (974)", "Mayotte (976)"]) expect(national.svg).toContain(`>${inset}</text>`);
  });

  it("draws as many zones rouges as the API lists, confirmed and unconfirmed apart, each in its colour", async () => {
    const { data } = await ctx.api.execute(`{ confirmed: zonesRouges { siren } all: zonesRouges(includeUnconfirmed: true) { siren } }`);
    const drawn = [...areasOf(national.svg, "epci").values()];
    const confirmed = drawn.filter((a) => a.category === "confirmed");
    const unconfirmed = drawn.filter((a) => a.category === "unconfirmed");
    expect(confirmed.map((a) => a.code).sort()).toEqual(data.confirmed.map((z: any) => z.siren).sort());
    expect([...confirmed, ...unconfirmed].map((a) => a.code).sort()).toEqual(data.all.map((z: any) => z.siren).sort());
    expect(new Set(confirmed.map((a) => a.fill))).toEqual(new Set([ZONE_ROUGE_FILLS.confirmed]));
    expect(new Set(unconfirmed.map((a) => a.fill))).toEqual(new Set([ZONE_ROUGE_FILLS.unconfirmed]));
    expect(legendRowsOf(national.svg)).toContain(`zone rouge (confirmée) (${data.confirmed.length})`);
    for (const siren of ["200007052", "244600573", "200050532"]) expect(areasOf(national.svg, "epci").get(siren)?.category).toBe("confirmed");
    expect(areasOf(national.svg, "epci").get("200050532")?.title).toBe("CC de Petite-Terre (200050532) : zone rouge (confirmée)");
  });

  it("says \"non désignée\" only where every région of the EPCI has a complete list; elsewhere the status is unknown and hatched, never a plain \"no\"", () => {
    const complete = new Map(regions.map((r) => [r.code, r.zonesRougesCoverage.complete === true]));
    const drawn = areasOf(national.svg, "epci");
    let notDesignated = 0;
    for (const e of epcis.values()) {
      if (e.zoneRouge) continue;
      const allComplete = e.departments.every((d) => complete.get(d.region.code));
      const area = drawn.get(e.siren)!;
      expect({ siren: e.siren, category: area.category }).toEqual({ siren: e.siren, category: allComplete ? "notDesignated" : "unknown" });
      if (!allComplete) expect(area.fill).toBe("url(#ts-map-hatch-unknown)");
      if (allComplete) notDesignated++;
    }
    // Bretagne (2 of 2), Île-de-France (0 of 0), Normandie… have complete lists: their other EPCI are truly not designated.
    expect(notDesignated).toBeGreaterThan(100);
    expect(drawn.get("200054781")?.category).toBe("notDesignated"); // Métropole du Grand Paris
  });

  it("prints each région's completeness as Region.zonesRougesCoverage gives it, and outlines the régions whose list is incomplete or unknown", () => {
    for (const r of regions) {
      const c = r.zonesRougesCoverage;
      const line = c.expected === null ? `${r.name} : nombre attendu inconnu (${c.known} connue` : `${r.name} : liste ${c.complete ? "complète" : "incomplète"} : ${c.known} connue`;
      expect(national.svg.replace(/&#39;/g, "'")).toContain(line);
      const mark = national.svg.match(new RegExp(`<path class="region-completeness" data-region="${r.code}" data-complete="(\\w+)"`))?.[1] ?? null;
      expect({ region: r.code, mark }).toEqual({ region: r.code, mark: c.complete === true ? null : c.expected === null ? "unknown" : "false" });
    }
    expect(national.svg).toContain("Occitanie : liste incomplète : 20 connues sur 28 attendues (dont 1 non confirmée)");
    expect(national.svg).toContain("Centre-Val de Loire : nombre attendu inconnu");
  });

  it("names every source drawn: each designation's page (by its site) and the pages giving each région's expected count", () => {
    const sites = new Set([...epcis.values()].flatMap((e) => (e.zoneRouge?.source.url ? [new URL(e.zoneRouge.source.url).host] : [])));
    expect(sites.size).toBeGreaterThan(10);
    const footer = national.svg.slice(national.svg.indexOf('<g class="sources"'));
    const text = [...footer.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    for (const site of sites) expect(text).toContain(site);
    expect(text).toContain("INSEE / DGCL");
    expect(text).toContain("Contours : IGN Admin Express 2018, INSEE COG 2026 (Licence Ouverte)");
    expect(text).toContain("Projection : Lambert-93 (EPSG:2154)");
  });

  it("has a table alternative whose rows are the API's: one per EPCI, with its status, source and vintage", async () => {
    expect(nationalJson.rows).toHaveLength(1255);
    for (const row of nationalJson.rows) {
      const e = epcis.get(row.code)!;
      const expected = e.zoneRouge ? (e.zoneRouge.confirmed ? "confirmed" : "unconfirmed") : row.category;
      expect({ code: row.code, name: row.name, category: row.category }).toEqual({ code: e.siren, name: e.name, category: expected });
      if (e.zoneRouge) expect(nationalJson.sources[row.source].title).toBe(e.zoneRouge.source.title);
    }
    const html = await get("/maps/epcis.html?measure=zonesRouges");
    expect(html.type).toMatch(/^text\/html/);
    expect(html.text).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    const rows = tableRowsOf(html.text);
    expect(rows.map((r) => [r.code, r.category])).toEqual(nationalJson.rows.map((r: any) => [r.code, r.category]));
    const labastide = rows.find((r) => r.code === "244600573")!;
    expect(labastide).toMatchObject({ name: "CC du Causse de Labastide Murat", text: "zone rouge (confirmée)", vintage: "27 juin 2025" });
    expect(labastide.source).toBe(`${nationalJson.sources[nationalJson.rows.find((r: any) => r.code === "244600573").source].producer} — ${epcis.get("244600573")!.zoneRouge!.source.title}`);
  });

  it("sorts the table by any column, in French, with links and aria-sort (no script), and gives the table alone as a fragment", async () => {
    const byValue = tableRowsOf((await get("/maps/epcis.html?measure=apl&sort=value&order=asc")).text);
    const values = byValue.filter((r) => r.value !== null).map((r) => r.value as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(byValue.slice(-5).every((r) => r.value === null && r.text === "donnée non disponible")).toBe(true); // Mayotte last, whichever the order
    const desc = (await get("/maps/epcis.html?measure=apl&sort=value&order=desc")).text;
    expect(tableRowsOf(desc)[0].value).toBe(Math.max(...values));
    expect(desc).toContain('<th scope="col" aria-sort="descending"><a href="/maps/epcis.html?measure=apl&amp;sort=value&amp;order=asc">Valeur ▼</a></th>');
    const byName = tableRowsOf((await get("/maps/epcis.html?measure=population")).text).map((r) => r.name);
    expect(byName).toEqual([...byName].sort(new Intl.Collator("fr", { numeric: true, sensitivity: "base" }).compare));
    const fragment = (await get("/maps/epcis.html?measure=zonesRouges&region=76&fragment=1")).text;
    expect(fragment).toMatch(/^<section class="ts-map-table" lang="fr" data-level="epcis" data-measure="zonesRouges">/);
    expect(fragment).not.toContain("<html");
    expect(fragment).toContain('href="/maps/epcis.html?measure=zonesRouges&amp;region=76&amp;sort=name&amp;order=desc&amp;fragment=1"');
  });

  it("maps the APL of each EPCI as Epci.apl gives it (the same population-weighted mean), Mayotte's as \"donnée non disponible\"", async () => {
    const { text: svg } = await get("/maps/epcis.svg?measure=apl");
    const drawn = areasOf(svg, "epci");
    for (const e of epcis.values()) expect([e.siren, drawn.get(e.siren)?.value ?? null]).toEqual([e.siren, e.apl?.value ?? null]);
    const missing = [...epcis.values()].filter((e) => e.apl === null);
    expect(missing.map((e) => e.departments[0].code)).toEqual(["976", "976", "976", "976", "976"]);
    for (const e of missing) expect(drawn.get(e.siren)).toMatchObject({ fill: NO_FIGURE_FILL, title: `${e.name} (${e.siren}) : donnée non disponible` });
    expect(legendRowsOf(svg)).toContain("donnée non disponible (5)");
    expect(svg).toContain("Accessibilité potentielle localisée (APL) aux médecins généralistes");
    const json = JSON.parse((await get("/maps/epcis.json?measure=apl")).text);
    for (const row of json.rows) expect([row.code, row.value, row.vintage]).toEqual([row.code, epcis.get(row.code)!.apl?.value ?? null, epcis.get(row.code)!.apl?.date ?? null]);
  });

  it("maps the population of each EPCI, and speaks English with lang=en (numbers and dates too)", async () => {
    const { text: svg } = await get("/maps/epcis.svg?measure=population&lang=en");
    const drawn = areasOf(svg, "epci");
    for (const e of epcis.values()) expect([e.siren, drawn.get(e.siren)?.value]).toEqual([e.siren, e.population]);
    const lyon = [...epcis.values()].find((e) => e.siren === "200046977")!; // Métropole de Lyon
    expect(drawn.get(lyon.siren)!.title).toBe(`${lyon.name} (${lyon.siren}): ${lyon.population.toLocaleString("en-GB")} inhabitants (population totale)`);
    expect(svg).toContain("By EPCI (intercommunalité) · France · figures: COG 2026");
    const french = areasOf((await get("/maps/epcis.svg?measure=population")).text, "epci").get(lyon.siren)!.title;
    expect(french).toBe(`${lyon.name} (${lyon.siren}) : ${lyon.population.toLocaleString("fr-FR").replace(/\u202f/g, "\u00a0")} habitants (population totale)`);
  });

  it("zooms on a région (region=76) or a département (departement=46): the EPCI the API lists there, and that région's completeness alone", async () => {
    const occitanie = regions.find((r) => r.code === "76")!;
    const { status, text: svg } = await get("/maps/epcis.svg?measure=zonesRouges&region=76");
    expect(status).toBe(200);
    expect([...areasOf(svg, "epci").keys()].sort()).toEqual(occitanie.epcis.map((e) => e.siren).sort());
    expect(svg).toContain("Par EPCI (intercommunalité) · Occitanie (76) · données du 27 juin 2025");
    expect(svg).toContain("Occitanie : liste incomplète : 20 connues sur 28 attendues");
    expect(svg).not.toContain("Bretagne :");
    expect(svg.match(/class="region-completeness"/g)).toHaveLength(1);
    const { data } = await ctx.api.execute(`{ department(code: "46") { epcis { siren } } }`);
    const lot = await get("/maps/epcis.svg?measure=apl&departement=46");
    expect([...areasOf(lot.text, "epci").keys()].sort()).toEqual(data.department.epcis.map((e: any) => e.siren).sort());
    expect(lot.text).toContain("Par EPCI (intercommunalité) · Lot (46) · données de 2023");
  });

  it("is offered as a PNG, 1,920 pixels wide", async () => {
    const res = await fetch(`${http.base}/maps/epcis.png?measure=zonesRouges`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1920);
  });

  it("draws each EPCI in the part of France its départements are in (mainland or its overseas inset)", () => {
    for (const outline of planarOutlines(epciOutlines(), epcis.keys())) {
      const frames = new Set(epcis.get(outline.code)!.departments.map((d) => frameOfDepartment(d.code)));
      expect({ siren: outline.code, frames: [...frames] }).toEqual({ siren: outline.code, frames: [outline.frame] });
    }
  });

  it("answers bad input with 400 in French and English, listing the valid values; a measure without data is refused, not drawn empty", async () => {
    const cases: [string, RegExp, string[]][] = [
      ["/maps/epcis.svg?measure=apll", /^mesure inconnue « apll » ; mesures possibles au niveau des EPCI : zonesRouges, apl, population \/ unknown measure "apll"; valid measures at EPCI level: zonesRouges, apl, population$/, ["measure"]],
      ["/maps/epcis.svg?measure=gpDensity", /n'a pas de donnée au niveau des EPCI : elle se dessine sur \/maps\/departements.svg.* \/ measure "gpDensity" has no data at EPCI level/, ["measure"]],
      ["/maps/cantons.svg", /^niveau de carte inconnu « cantons » ; niveaux possibles : departements, epcis, communes .* \/ unknown map level "cantons"; valid levels: departements, epcis, communes/, ["level"]],
      ["/maps/", /^choisissez une carte : \/maps\/departements.svg, \/maps\/departements.png.* \/ choose a map: /, ["level"]],
      ["/maps/epcis.jpg", /^format inconnu « jpg » ; formats possibles : svg, png, html, json .* \/ unknown format "jpg"/, ["format"]],
      ["/maps/epcis.svg?region=77", /^région inconnue « 77 » ; codes INSEE possibles : 01 \(Guadeloupe\), 02 \(Martinique\).* \/ unknown région "77"; valid INSEE codes: 01 \(Guadeloupe\)/, ["region"]],
      ["/maps/epcis.svg?departement=20", /^département inconnu « 20 » ; codes INSEE possibles : 01, 02.*2A, 2B.* \/ unknown département "20"/, ["departement"]],
      ["/maps/epcis.svg?region=76&departement=46", /^donnez un seul territoire parmi region, departement et epci/, ["departement"]],
      ["/maps/epcis.svg?epci=200035327", /^paramètre inconnu « epci » pour \/maps\/epcis.svg ; paramètres possibles : measure, lang, region, departement \//, ["epci"]],
      ["/maps/epcis.svg?measure=apl&region=06", /^aucune donnée « apl » pour les EPCI de Mayotte \(06\) : rien à dessiner \/ no "apl" figure for the EPCI of Mayotte \(06\): nothing to draw$/, ["measure"]],
      ["/maps/epcis.html?sort=population", /^sort doit valoir name, code, value \(reçu « population »\) \/ sort must be one of name, code, value/, ["sort"]],
    ];
    for (const [path, message, invalid] of cases) {
      const res = await fetch(`${http.base}${path}`);
      const body = (await res.json()) as any;
      expect({ path, status: res.status, message: body.errors[0].message, code: body.errors[0].extensions.code, invalid: body.errors[0].extensions.invalidArguments }).toEqual({
        path,
        status: 400,
        message: expect.stringMatching(message),
        code: "BAD_USER_INPUT",
        invalid,
      });
    }
    const region = (await (await fetch(`${http.base}/maps/epcis.svg?region=77`)).json()) as any;
    expect(region.errors[0].extensions.validValues.region).toHaveLength(18);
  });
});

describe("GraphQL points to the maps", () => {
  it("gives each région, département and EPCI the address of its map for a measure, and the address answers", async () => {
    const { data, errors } = await ctx.api.execute(`{
      region(code: "76") { zr: mapUrl(measure: ZONES_ROUGES) communes: mapUrl(measure: APL, level: COMMUNE, format: PNG) departments: mapUrl(measure: APL, level: DEPARTMENT, lang: EN) none: mapUrl(measure: ZONES_ROUGES, level: COMMUNE) }
      department(code: "46") { epcis: mapUrl(measure: APL) communes: mapUrl(measure: POPULATION, level: COMMUNE, format: HTML) none: mapUrl(measure: APL, level: DEPARTMENT) }
      epci(siren: "244600573") { communes: mapUrl(measure: APL) neighbours: mapUrl(measure: ZONES_ROUGES, level: EPCI, format: JSON) none: mapUrl(measure: ZONES_ROUGES) }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      region: { zr: "/maps/epcis.svg?measure=zonesRouges&region=76", communes: "/maps/communes.png?measure=apl&region=76", departments: "/maps/departements.svg?measure=apl&region=76&lang=en", none: null },
      department: { epcis: "/maps/epcis.svg?measure=apl&departement=46", communes: "/maps/communes.html?measure=population&departement=46", none: null },
      epci: { communes: "/maps/communes.svg?measure=apl&epci=244600573", neighbours: "/maps/epcis.json?measure=zonesRouges&region=76", none: null },
    });
    for (const url of [...Object.values(data.region), ...Object.values(data.department), ...Object.values(data.epci)].filter((u): u is string => u !== null)) {
      expect({ url, status: (await fetch(`${http.base}${url}`)).status }).toEqual({ url, status: 200 });
    }
  });
});

describe("answers kept under the data version", () => {
  it("serves the same map again from memory, and a new one after a write changes the data", async () => {
    const first = await get("/maps/epcis.svg?measure=zonesRouges&departement=46");
    expect((await get("/maps/epcis.svg?measure=zonesRouges&departement=46")).text).toBe(first.text);
    const figeac = "200067361"; // CC du Grand Figeac (Lot): not a zone rouge
    expect(areasOf(first.text, "epci").get(figeac)?.category).toBe("unknown");
    const { errors } = await ctx.api.execute(`mutation { designateZoneRouge(siren: "${figeac}", note: "map cache test") { designatedOn } }`, undefined, { caller: CALLERS.territorialAdminInRegion });
    expect(errors).toBeUndefined();
    const after = await get("/maps/epcis.svg?measure=zonesRouges&departement=46");
    expect(areasOf(after.text, "epci").get(figeac)?.category).toBe("confirmed");
    const { errors: revoked } = await ctx.api.execute(`mutation { revokeZoneRouge(siren: "${figeac}") }`, undefined, { caller: CALLERS.territorialAdminInRegion });
    expect(revoked).toBeUndefined();
    expect(areasOf((await get("/maps/epcis.svg?measure=zonesRouges&departement=46")).text, "epci").get(figeac)?.category).toBe("unknown");
  });
});
