/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser: they use the DOM types.
import fs from "node:fs";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { checkManifest, sha256Hex } from "../../src/auth/trusted-documents";
import { storeTrustedDocuments } from "../../src/services/shared/trusted-documents.service";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * A partner's web page on another origin calling the API from Chromium, under a strict
 * Content-Security-Policy: anonymous reads work; an embed key works by documentId from the
 * page it is bound to (after a real CORS preflight, since it sends an Authorization header);
 * the same key from another page, and query text with it, are refused with codes the page can
 * read. Screenshots in tests/artifacts/.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(__dirname, "../artifacts");
const WAIT = 90_000;
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const QUERY = '{ region(code: "76") { name population } }';

/** The partner's page: it reads what to do from its URL and writes each answer into the page. */
const PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const api = params.get("api");
const key = params.get("key");
const out = document.getElementById("out");
async function call(name, init, search) {
  const row = document.createElement("li");
  row.id = name;
  try {
    const res = await fetch(api + (search ? "?" + search : ""), init);
    const body = await res.json();
    row.textContent = name + " " + res.status + " " + (body.errors ? body.errors[0].extensions.code : body.data.region.name) + " " + (res.headers.get("ratelimit-policy") || "");
  } catch (error) {
    row.textContent = name + " failed " + error.message;
  }
  out.appendChild(row);
}
(async () => {
  await call("anonymous", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: params.get("query") }) });
  await call("embed-by-id", { headers: { authorization: "Bearer " + key } }, "documentId=" + encodeURIComponent(params.get("documentId")));
  await call("embed-with-text", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer " + key }, body: JSON.stringify({ query: params.get("query") }) });
  document.body.dataset.done = "yes";
})();
`;

/** A static server on its own loopback port: another origin than the API's. */
function partnerSite(api: string): Promise<{ server: Server; origin: string }> {
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/app.js")) {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(PAGE_SCRIPT);
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      // No inline script, no eval; the page may only talk to the API.
      "content-security-policy": `default-src 'none'; script-src 'self'; connect-src ${api}; style-src 'self'`,
    });
    res.end('<!doctype html><html lang="fr"><head><title>Intranet de la mutuelle</title><script src="/app.js" defer></script></head><body><h1>Intranet</h1><ul id="out"></ul></body></html>');
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const ctx = useSeededApi();
let api: RunningHttpApp;
let browser: BrowserContext;
let profile: string;
const sites: Server[] = [];
let allowedSite: string;
let otherSite: string;
let embedKey: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run the browser tests with \`npm run test:browser\`, which installs it`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  api = await startHttpApp(ctx.database.db);
  const allowed = await partnerSite(api.base);
  const other = await partnerSite(api.base);
  sites.push(allowed.server, other.server);
  [allowedSite, otherSite] = [allowed.origin, other.origin];
  const created = await createApiKey(ctx.database.db, { organizationId: "mgen", role: Role.EMBED, origins: [allowedSite] });
  embedKey = created.key;
  const entries = checkManifest({ [sha256Hex(QUERY)]: QUERY }, () => []);
  await ctx.database.db.dataSource.transaction((manager) => storeTrustedDocuments(manager, { keyId: "cli", organizationId: "mgen" }, created.id, entries));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 900, height: 500 } });
}, 5 * 60_000);
afterAll(async () => {
  await browser?.close();
  for (const site of sites) await new Promise((resolve) => site.close(resolve));
  await api?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

jest.setTimeout(4 * WAIT);

async function visit(site: string, screenshot: string): Promise<Record<string, string>> {
  const page = await browser.newPage();
  const url = `${site}/?${new URLSearchParams({ api: `${api.base}/graphql`, key: embedKey, query: QUERY, documentId: `sha256:${sha256Hex(QUERY)}` })}`;
  await page.goto(url);
  await page.locator("body[data-done=yes]").waitFor({ timeout: WAIT });
  await page.screenshot({ path: path.join(ARTIFACTS, screenshot), timeout: WAIT });
  const rows = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#out li")].map((li) => [li.id, li.textContent ?? ""])));
  await page.close();
  return rows;
}

describe("a partner's page on another origin, in Chromium, under a strict CSP", () => {
  it("reads anonymously, and by documentId with its embed key; query text with that key is refused", async () => {
    const rows = await visit(allowedSite, "partner-page-allowed-origin.png");
    expect(rows.anonymous).toBe('anonymous 200 Occitanie "anonymous";q=300;w=60');
    expect(rows["embed-by-id"]).toMatch(/^embed-by-id 200 Occitanie "key";q=\d+;w=60$/);
    expect(rows["embed-with-text"]).toMatch(/^embed-with-text 403 PERSISTED_DOCUMENT_REQUIRED /);
  });

  it("is refused the embed key from another page: the page reads 403 ORIGIN_NOT_ALLOWED, anonymous reads still work", async () => {
    const rows = await visit(otherSite, "partner-page-other-origin.png");
    expect(rows.anonymous).toMatch(/^anonymous 200 Occitanie/);
    expect(rows["embed-by-id"]).toBe("embed-by-id 403 ORIGIN_NOT_ALLOWED ");
  });
});
