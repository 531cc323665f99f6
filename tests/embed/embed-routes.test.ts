import { createHash } from "node:crypto";
import fs from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { PUBLIC_DOCUMENTS } from "../../src/auth/trusted-documents";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { sql } from "../../src/db/sql-dialect";
import { EMBED_VERSIONS, readEmbedManifest } from "../../src/server/embed/embed-versions";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * The embed's routes and documents through the HTTP app: the documents of every version are public
 * trusted documents once the app has started (registered once, without a second audit record),
 * callable anonymously or with an embed key by GET, cacheable; the bundle is served immutable, its
 * bytes matching the integrity hash docs/embed.md publishes; the demo page under its policy.
 */
const ctx = useSeededApi();
let http: RunningHttpApp;
const INTRANET = "https://intranet.example";

beforeAll(async () => {
  http = await startHttpApp(ctx.database.db, { limits: { ...DEFAULT_LIMITS, anonymousRequestsPerMinute: 10_000 } });
});
afterAll(() => http?.stop());

const registrations = async () =>
  Number((await sql<{ n: unknown }>(ctx.database.db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'registerTrustedDocuments' AND entity_id = ?", [PUBLIC_DOCUMENTS]))[0].n);

describe("the embed's trusted documents", () => {
  it("are public documents once the app has started, registered once whatever the number of starts", async () => {
    for (const version of EMBED_VERSIONS) {
      const ids = Object.keys(readEmbedManifest(version)).map((id) => id.slice("sha256:".length));
      const rows = await sql<{ id: string }>(ctx.database.db, "SELECT id FROM trusted_document WHERE owner = ?", [PUBLIC_DOCUMENTS]);
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
    }
    const before = await registrations();
    expect(before).toBe(1);
    const again = await startHttpApp(ctx.database.db);
    await again.stop();
    expect(await registrations()).toBe(before);
  });

  it("answer anonymous GETs by id with Cache-Control public and an ETag (304 when unchanged), and embed keys from their origin", async () => {
    const manifest = readEmbedManifest(EMBED_VERSIONS[EMBED_VERSIONS.length - 1]);
    const variables: Record<string, object> = { EmbedZonesRouges: { region: "76" }, EmbedCommune: { code: "38316" }, EmbedEpciCard: { siren: "200035327" }, EmbedDepartement: { code: "46" } };
    const key = await createApiKey(ctx.database.db, { organizationId: "mgen", role: Role.EMBED, origins: [INTRANET] });
    for (const [id, text] of Object.entries(manifest)) {
      const name = /^query (\w+)/.exec(text)?.[1] ?? "";
      const url = `${http.base}/graphql?${new URLSearchParams({ documentId: id, variables: JSON.stringify(variables[name]) })}`;
      const res = await fetch(url, { headers: { origin: INTRANET } });
      const body = (await res.json()) as { data: Record<string, unknown>; errors?: unknown };
      expect([name, res.status, body.errors]).toEqual([name, 200, undefined]);
      expect(Object.values(body.data).every((v) => v !== null)).toBe(true);
      expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const again = await fetch(url, { headers: { "if-none-match": res.headers.get("etag")! } });
      expect(again.status).toBe(304);
      const withKey = await fetch(url, { headers: { origin: INTRANET, authorization: `Bearer ${key.key}` } });
      expect([withKey.status, withKey.headers.get("cache-control")]).toEqual([200, res.headers.get("cache-control")]);
      const elsewhere = await fetch(url, { headers: { origin: "https://elsewhere.example", authorization: `Bearer ${key.key}` } });
      expect(elsewhere.status).toBe(403);
    }
  });
});

describe("/embed/", () => {
  it("serves each version's bundle immutable, gzipped when asked, its bytes matching the integrity hash docs/embed.md publishes", async () => {
    const docs = fs.readFileSync(path.join(__dirname, "../../docs/embed.md"), "utf8");
    for (const version of EMBED_VERSIONS) {
      const url = `${http.base}/embed/${version}/territoire-sante.js`;
      const plain = await fetch(url, { headers: { origin: INTRANET, "accept-encoding": "identity" } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(plain.headers.get("access-control-allow-origin")).toBe("*");
      const bytes = Buffer.from(await plain.arrayBuffer());
      const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
      expect(docs).toContain(`| \`${version}\` | \`/embed/${version}/territoire-sante.js\` | \`${integrity}\` |`);
      expect(plain.headers.get("etag")).toBe(`"${integrity}"`);
      // fetch decodes gzip by itself: the compressed bytes are read through node:http.
      const raw = await rawGet(url, { "accept-encoding": "gzip" });
      expect(raw.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(raw.body).equals(bytes)).toBe(true);
      expect((await fetch(url, { headers: { "if-none-match": `"${integrity}"` } })).status).toBe(304);
    }
    expect((await fetch(`${http.base}/embed/v99/territoire-sante.js`)).status).toBe(404);
  });

  it("serves the demo page under a strict Content-Security-Policy, with the current version's snippet", async () => {
    const res = await fetch(`${http.base}/embed/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe");
    const page = await res.text();
    const served = Buffer.from(await (await fetch(`${http.base}/embed/v1/territoire-sante.js`)).arrayBuffer());
    expect(page).toContain(`integrity="sha384-${createHash("sha384").update(served).digest("base64")}"`);
    expect(page).not.toMatch(/<script>|<style>| style=| on[a-z]+=/);
    for (const file of ["demo.css", "demo.js"]) expect((await fetch(`${http.base}/embed/${file}`)).status).toBe(200);
  });
});

function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}
