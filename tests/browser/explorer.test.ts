/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser: they use the DOM types.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { NO_FIGURE_FILL } from "../../src/maps/map-classes";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * What people see, in a real browser: Debian's Chromium driven by playwright-core (which never
 * downloads a browser). Screenshots are kept in tests/artifacts/ (git-ignored) for a human to look at.
 * Runs under `npm run test:browser` only, which installs Chromium first where it is missing
 * (ensure-chromium.sh): `npm test` installs nothing.
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
/** Every URL the pages asked for: all must be the local server's (no CDN, no internet). */
const requested: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run the browser tests with \`npm run test:browser\`, which installs it`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  http = await startHttpApp(ctx.database.db);
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 900 } });
  browser.on("request", (request) => requested.push(request.url()));
}, 5 * 60_000);
afterAll(async () => {
  await browser?.close();
  await http?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

async function openGraphiQL(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${http.base}/graphql`);
  await page.locator(".graphiql-execute-button").waitFor({ timeout: WAIT });
  return page;
}

jest.setTimeout(4 * WAIT);

describe("GraphiQL in a browser", () => {
  it("loads from the local server only, opens on the hero query, runs it and shows Cazals-Salviac", async () => {
    const page = await openGraphiQL();
    expect(await page.locator(".graphiql-tab-active").innerText()).toContain("ZonesRougesOfOccitanie");
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".result-window", { hasText: "Occitanie" }).waitFor({ timeout: WAIT });
    // The result pane draws only the lines in view: scroll it to the Lot's zone, the smallest ones come last.
    const line = await page.evaluate(() => {
      const editor = (document.querySelector(".result-window .CodeMirror") as unknown as { CodeMirror: any }).CodeMirror;
      const index = editor.getValue().split("\n").findIndex((l: string) => l.includes("Cazals-Salviac"));
      if (index >= 0) editor.scrollIntoView({ line: index, ch: 0 }, 200);
      return index;
    });
    expect(line).toBeGreaterThan(0);
    await page.locator(".result-window", { hasText: "CC Cazals-Salviac" }).waitFor({ timeout: WAIT });
    await page.screenshot({ path: path.join(ARTIFACTS, "graphiql-hero-query.png"), timeout: WAIT });
    expect(requested.filter((url) => !url.startsWith(http.base))).toEqual([]);
    await page.close();
  });

  it("offers the examples in a panel; picking one opens it, ready to run", async () => {
    const page = await openGraphiQL();
    await page.getByRole("button", { name: "Show Examples" }).click();
    const panel = page.locator(".ts-examples");
    expect(await panel.locator("strong").allInnerTexts()).toEqual([
      "Zones rouges of Occitanie and what runs there",
      "Départements under 100 GPs per 100,000 inhabitants",
      "Zones rouges of a région, with their initiatives",
      "A commune's EPCI and its initiatives",
      "Where a figure comes from",
      "The datasets held, and how complete each is",
      "How complete the zones rouges list is, by région",
      "Search a territory",
      "Postal codes and former commune codes",
    ]);
    await panel.getByText("Where a figure comes from").click();
    expect(await page.locator(".graphiql-tab-active").innerText()).toContain("SourcesOfAFigure");
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".result-window", { hasText: "vintageInferred" }).waitFor({ timeout: WAIT });
    expect(await page.locator(".result-window").innerText()).toContain("DREES (Répertoire partagé des professionnels de santé, RPPS)");
    await page.screenshot({ path: path.join(ARTIFACTS, "graphiql-examples-panel.png"), timeout: WAIT });
    await page.close();
  });
});

describe("the map in a browser", () => {
  it("renders the 101 départements coloured by GP density, with a legend", async () => {
    const page = await browser.newPage();
    await page.goto(`${http.base}/maps/departements.svg?measure=gpDensity`);
    const drawn = await page.$$eval("path.departement", (paths) =>
      paths.map((p) => {
        const box = (p as SVGGraphicsElement).getBBox();
        return { code: p.getAttribute("data-code"), fill: getComputedStyle(p).fill, visible: box.width > 0 && box.height > 0 };
      }),
    );
    expect(drawn).toHaveLength(101);
    const grey = await page.evaluate((hex) => {
      const probe = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      probe.setAttribute("fill", hex);
      document.documentElement.appendChild(probe);
      const fill = getComputedStyle(probe).fill;
      probe.remove();
      return fill;
    }, NO_FIGURE_FILL);
    expect(drawn.filter((d) => d.visible && d.fill !== grey && d.fill !== "none")).toHaveLength(101);
    expect(new Set(drawn.map((d) => d.fill)).size).toBe(5);
    const legend = await page.$$eval(".legend .legend-swatch", (swatches) => swatches.map((s) => getComputedStyle(s).fill));
    expect(new Set(legend)).toEqual(new Set(drawn.map((d) => d.fill)));
    expect(await page.locator(".map-title").textContent()).toBe("Médecins généralistes pour 100 000 habitants");
    await page.setViewportSize({ width: 940, height: Number(await page.locator("svg").first().getAttribute("height")) });
    await page.screenshot({ path: path.join(ARTIFACTS, "map-gp-density.png"), timeout: WAIT });
    await page.close();
  });
});
