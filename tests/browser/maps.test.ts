/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser: they use the DOM types.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ZONE_ROUGE_FILLS } from "../../src/maps/zones-rouges-map";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * The maps as people see them, in Debian's Chromium (playwright-core never downloads a browser):
 * the colour of the pixel under known EPCI of the national zones-rouges map, the count of zones
 * drawn against the API's, and the table alternative's rows against the API's values.
 * Screenshots go to tests/artifacts/ (git-ignored). Run with `npm run test:browser`.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(__dirname, "../artifacts");
/** How long to wait for the browser to draw something: generous, as the machine may be shared (not a speed check). */
const WAIT = 90_000;
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const ctx = useSeededApi();
let http: RunningHttpApp;
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run the browser tests with \`npm run test:browser\`, which installs it`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  http = await startHttpApp(ctx.database.db);
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
}, 5 * 60_000);
afterAll(async () => {
  await browser?.close();
  await http?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

jest.setTimeout(4 * WAIT);

/** Opens a map's SVG at its own size (one CSS pixel per SVG unit), every request answered by the local server. */
async function openMap(url: string): Promise<Page> {
  const page = await browser.newPage();
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(http.base)) outside.push(request.url());
  });
  const response = await page.goto(`${http.base}${url}`);
  expect(response?.status()).toBe(200);
  const height = Number(await page.locator("svg").first().getAttribute("height"));
  await page.setViewportSize({ width: 960, height });
  expect(outside).toEqual([]);
  return page;
}

/**
 * A point well inside a territory, in screen pixels: the first point of a grid over its box whose
 * surroundings (3 pixels around, fewer for a small island) lie in its fill, so that no border line
 * drawn on its edges covers it, and where the element on screen is that territory.
 */
async function pointInside(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((sel) => {
    const shape = document.querySelector(sel) as SVGPathElement | null;
    if (!shape) return null;
    const svg = shape.ownerSVGElement as SVGSVGElement;
    const box = shape.getBBox();
    const probe = svg.createSVGPoint();
    const inside = (x: number, y: number) => {
      probe.x = x;
      probe.y = y;
      return shape.isPointInFill(probe);
    };
    const matrix = shape.getScreenCTM() as DOMMatrix;
    for (const margin of [3, 2, 1.5]) {
      const around = [0, 45, 90, 135, 180, 225, 270, 315].map((deg) => [margin * Math.cos((deg * Math.PI) / 180), margin * Math.sin((deg * Math.PI) / 180)]);
      for (let i = 1; i < 40; i++) {
        for (let j = 1; j < 40; j++) {
          const x = box.x + (box.width * i) / 40;
          const y = box.y + (box.height * j) / 40;
          if (!inside(x, y) || !around.every(([dx, dy]) => inside(x + dx, y + dy))) continue;
          probe.x = x;
          probe.y = y;
          const screen = probe.matrixTransform(matrix);
          if (document.elementFromPoint(screen.x, screen.y) === shape) return { x: screen.x, y: screen.y };
        }
      }
    }
    return null;
  }, selector);
  if (!point) throw new Error(`no point inside ${selector} is visible`);
  return point;
}

/** The colours of some screen pixels of a page's screenshot, read back in the browser (no image library needed). */
async function pixels(page: Page, points: { x: number; y: number }[]): Promise<[number, number, number][]> {
  const shot = await page.screenshot({ timeout: WAIT });
  const reader = await browser.newPage();
  const colours = await reader.evaluate(
    async ({ png, at }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      return at.map(({ x, y }) => Array.from(context.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)) as [number, number, number]);
    },
    { png: shot.toString("base64"), at: points },
  );
  await reader.close();
  return colours;
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 3);

describe("the national zones-rouges map in a browser", () => {
  it("shows the zone-rouge colour under known zones rouges, the Mayotte inset's included, and not under EPCI that are not designated", async () => {
    const page = await openMap("/maps/epcis.svg?measure=zonesRouges");
    const zones = {
      "200007052": "CC de la Marche Berrichonne",
      "244600573": "CC du Causse de Labastide Murat",
      "200050532": "CC de Petite-Terre (Mayotte inset)",
      "200035327": "CC Cazals-Salviac",
    };
    const others = {
      "200054781": "Métropole du Grand Paris (not designated, complete list)",
      "200067361": "CC du Grand Figeac (not in the known list, Occitanie incomplete)",
      "243500139": "Rennes Métropole (not designated, complete list)",
    };
    const points = [];
    for (const siren of [...Object.keys(zones), ...Object.keys(others)]) points.push(await pointInside(page, `path.epci[data-siren="${siren}"]`));
    const colours = await pixels(page, points);
    const red = rgb(ZONE_ROUGE_FILLS.confirmed);
    const seen = Object.fromEntries([...Object.values(zones), ...Object.values(others)].map((name, i) => [name, near(colours[i], red) ? "zone-rouge colour" : `rgb(${colours[i].join(", ")})`]));
    expect(seen).toEqual({
      ...Object.fromEntries(Object.values(zones).map((n) => [n, "zone-rouge colour"])),
      ...Object.fromEntries(Object.values(others).map((n) => [n, expect.stringMatching(/^rgb\(/)])),
    });
    // Not designated, in a région whose list is complete (Bretagne): the light "non désignée" colour itself.
    expect(colours[6]).toEqual(rgb(ZONE_ROUGE_FILLS.notDesignated));
    await page.screenshot({ path: path.join(ARTIFACTS, "map-epcis-zones-rouges.png"), timeout: WAIT });
    await page.close();
  });

  it("draws as many zones rouges, visible in the zone-rouge colour, as the API lists", async () => {
    const { data } = await ctx.api.execute(`{ zonesRouges { siren } all: zonesRouges(includeUnconfirmed: true) { siren } }`);
    const page = await openMap("/maps/epcis.svg?measure=zonesRouges");
    const probe = await page.evaluate((hex) => {
      const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      rect.setAttribute("fill", hex);
      document.documentElement.appendChild(rect);
      const fill = getComputedStyle(rect).fill;
      rect.remove();
      return fill;
    }, ZONE_ROUGE_FILLS.confirmed);
    const drawn = await page.$$eval("path.epci", (paths) =>
      paths.map((p) => {
        const box = (p as SVGGraphicsElement).getBBox();
        return { siren: p.getAttribute("data-siren"), category: p.getAttribute("data-category"), fill: getComputedStyle(p).fill, visible: box.width > 0 && box.height > 0 };
      }),
    );
    const red = drawn.filter((d) => d.visible && d.fill === probe);
    expect(red.map((d) => d.siren).sort()).toEqual(data.zonesRouges.map((z: any) => z.siren).sort());
    const designated = drawn.filter((d) => d.visible && (d.category === "confirmed" || d.category === "unconfirmed"));
    expect(designated).toHaveLength(data.all.length);
    await page.close();
  });
});

describe("the table alternative in a browser", () => {
  it("lists the same values as the API, in French, and sorts by value when its header is clicked", async () => {
    const { data } = await ctx.api.execute(`{ region(code: "76") { epcis { siren name apl { value } } } }`);
    const page = await browser.newPage();
    await page.goto(`${http.base}/maps/epcis.html?measure=apl&region=76`);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    const read = () =>
      page.$$eval("tbody tr", (rows) =>
        rows.map((row) => {
          const value = row.querySelectorAll("td")[1];
          return { siren: row.getAttribute("data-code"), name: row.querySelector("th")?.textContent, value: value.hasAttribute("data-value") ? Number(value.getAttribute("data-value")) : null, text: value.textContent };
        }),
      );
    const rows = await read();
    const api = new Map<string, { name: string; apl: { value: number } | null }>(data.region.epcis.map((e: any) => [e.siren, e]));
    expect(rows.map((r) => [r.siren, r.name, r.value]).sort()).toEqual([...api].map(([siren, e]) => [siren, e.name, e.apl?.value ?? null]).sort());
    expect(rows.every((r) => r.value === null || /^\d+,\d+ consultations par an et par habitant standardisé$|^\d+ consultations/.test(r.text ?? ""))).toBe(true);
    await page.getByRole("link", { name: "Valeur" }).click();
    await page.waitForURL(/sort=value/);
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain("Valeur");
    const sorted = (await read()).map((r) => r.value).filter((v): v is number => v !== null);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    await page.screenshot({ path: path.join(ARTIFACTS, "map-table-epcis-apl-occitanie.png"), timeout: WAIT });
    await page.close();
  });
});

describe("EPCI and commune maps of a région in a browser", () => {
  it("draws Occitanie's EPCI and communes, every territory visible, and keeps screenshots", async () => {
    for (const [url, kind, file] of [
      ["/maps/epcis.svg?measure=zonesRouges&region=76", "epci", "map-epcis-zones-rouges-occitanie.png"],
      ["/maps/communes.svg?measure=apl&region=76", "commune", "map-communes-apl-occitanie.png"],
      ["/maps/communes.svg?measure=apl&departement=46", "commune", "map-communes-apl-lot.png"],
      ["/maps/epcis.svg?measure=apl", "epci", "map-epcis-apl.png"],
    ] as const) {
      const page = await openMap(url);
      const hidden = await page.$$eval(`path.${kind}`, (paths) => paths.filter((p) => (p as SVGGraphicsElement).getBBox().width === 0).length);
      expect({ url, hidden }).toEqual({ url, hidden: 0 });
      await page.screenshot({ path: path.join(ARTIFACTS, file), timeout: WAIT });
      await page.close();
    }
    const national = await fetch(`${http.base}/maps/communes.png?measure=apl`);
    expect(national.status).toBe(200);
    fs.writeFileSync(path.join(ARTIFACTS, "map-communes-apl-france.png"), Buffer.from(await national.arrayBuffer()));
  });
});
