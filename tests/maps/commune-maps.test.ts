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

async function get(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${http.base}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

interface ApiCommune {
  code: string;
  name: string;
  population: number;
  department: { code: string };
  apl: { value: number; date: string } | null;
}

/** The communes of a département as the API gives them, through its EPCI (every commune of these départements is in one). */
async function communesOf(department: string): Promise<Map<string, ApiCommune>> {
  const { data, errors } = await ctx.api.execute(`{ department(code: "${department}") { epcis { communes { code name population department { code } apl { value date } } } } }`);
  expect(errors).toBeUndefined();
  const all = data.department.epcis.flatMap((e: { communes: ApiCommune[] }) => e.communes) as ApiCommune[];
  return new Map(all.filter((c) => c.department.code === department).map((c) => [c.code, c]));
}

describe("GET /maps/communes.svg?measure=apl: APL per commune", () => {
  it("draws every commune of the Lot with the APL the API gives it, in French", async () => {
    const lot = await communesOf("46");
    const { status, text: svg } = await get("/maps/communes.svg?measure=apl&departement=46");
    expect(status).toBe(200);
    const drawn = areasOf(svg, "commune");
    expect([...drawn.keys()].sort()).toEqual([...lot.keys()].sort());
    for (const c of lot.values()) expect([c.code, drawn.get(c.code)!.value]).toEqual([c.code, c.apl?.value ?? null]);
    expect(svg).toContain("Par commune · Lot (46) · données de 2023");
    const cahors = drawn.get("46042")!;
    expect(cahors.title).toBe(`Cahors (46042) : ${String(Math.round(cahors.value! * 100) / 100).replace(".", ",")} consultations par an et par habitant standardisé`);
    // The EPCI map of the same département draws the same borders underneath: the département's outline.
    expect(svg).toContain('class="scope-outline"');
  });

  it("draws a commune without an APL as \"donnée non disponible\", never 0, and refuses a territory without any (Mayotte) rather than drawing it empty", async () => {
    // The six villages of the Meuse destroyed in 1916 have no inhabitant, hence no APL in the DREES file.
    const meuse = areasOf((await get("/maps/communes.svg?measure=apl&departement=55")).text, "commune");
    const missing = [...meuse.values()].filter((c) => c.value === null);
    expect(missing.map((c) => c.code)).toEqual(["55039", "55050", "55139", "55189", "55239", "55307"]);
    for (const c of missing) expect(c).toMatchObject({ fill: NO_FIGURE_FILL, title: expect.stringMatching(/ : donnée non disponible$/) });
    for (const c of meuse.values()) if (c.value !== null) expect(c.fill).not.toBe(NO_FIGURE_FILL);
    const res = await fetch(`${http.base}/maps/communes.svg?measure=apl&departement=976`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toBe('aucune donnée « apl » pour les communes de Mayotte (976) : rien à dessiner / no "apl" figure for the communes of Mayotte (976): nothing to draw');
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", invalidArguments: ["measure"] });
    expect((await fetch(`${http.base}/maps/communes.svg?measure=zonesRouges&departement=46`)).status).toBe(400);
  });

  it("names the communes re-established since 2018, which have no outline of their own, and keeps their figures in the table", async () => {
    const { text: svg } = await get("/maps/communes.svg?measure=apl&departement=15");
    expect(areasOf(svg, "commune").has("15031")).toBe(false);
    const text = svg.replace(/&#39;/g, "'");
    expect(text).toMatch(/4 communes sans contour propre, rétablies depuis 2018 : Celles \(15031\), Chalinargues \(15035\), Chavagnac \(15047\), Sainte-Anastasie \(15171\)/);
    const rows = tableRowsOf((await get("/maps/communes.html?measure=apl&departement=15")).text);
    const cantal = await communesOf("15");
    expect(rows.map((r) => r.code).sort()).toEqual([...cantal.keys()].sort());
    expect(rows.find((r) => r.code === "15031")!.value).toBe(cantal.get("15031")!.apl?.value ?? null);
  });

  it("draws the communes of one EPCI (epci=SIREN), as Epci.communes lists them", async () => {
    const { data } = await ctx.api.execute(`{ epci(siren: "244600573") { name communes { code } } }`);
    const { text: svg } = await get("/maps/communes.svg?measure=apl&epci=244600573");
    expect([...areasOf(svg, "commune").keys()].sort()).toEqual(data.epci.communes.map((c: any) => c.code).sort());
    expect(svg).toContain(`Par commune · ${data.epci.name} (244600573) · données de 2023`);
  });

  it("draws a région's communes, and all of France's as a PNG", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "94") { departments { communes { totalCount } } } }`);
    const { text: svg } = await get("/maps/communes.svg?measure=apl&region=94");
    const drawn = areasOf(svg, "commune");
    expect(drawn.size).toBe(data.region.departments.reduce((n: number, d: any) => n + d.communes.totalCount, 0));
    expect(svg).toContain("Par commune · Corse (94) · données de 2023");
    const gaps = [...drawn.values()].filter((c) => c.value === null).length;
    expect(legendRowsOf(svg)).toHaveLength(5 + (gaps > 0 ? 1 : 0));
    const res = await fetch(`${http.base}/maps/communes.png?measure=apl`);
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.byteLength).toBeGreaterThan(500_000);
  });

  it("maps populations as the API gives them: 0 is a figure (the six villages of the Meuse destroyed in 1916), not a gap", async () => {
    const { text: json } = await get("/maps/communes.json?measure=population&departement=55");
    const rows = JSON.parse(json).rows as { code: string; value: number | null; text: string }[];
    const meuse = await communesOf("55");
    for (const row of rows) expect([row.code, row.value]).toEqual([row.code, meuse.get(row.code)!.population]);
    const empty = rows.filter((r) => r.value === 0);
    expect(empty.map((r) => r.code)).toEqual(["55039", "55050", "55139", "55189", "55239", "55307"]);
    expect(empty[0].text).toBe("0 habitants (population municipale)");
  });
});
