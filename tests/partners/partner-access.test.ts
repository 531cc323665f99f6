import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { sha256Hex } from "../../src/auth/trusted-documents";
import { DEFAULT_CONFIG, DEFAULT_LIMITS } from "../../src/config/config";
import { sql } from "../../src/db/sql-dialect";
import { addAdminOrganization } from "../support/callers";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * Partners in the browser and in code (docs/partners.md): CORS, keys bound to page origins,
 * trusted documents registered per key and called by id, cacheable reads by id, the budget on
 * every answer. Real keys, real manifests, through the HTTP server.
 */
const INTRANET = "https://intranet.example";
const ELSEWHERE = "https://elsewhere.example";

const HERO = 'query Hero { region(code: "76") { name zonesRouges { siren name } } }';
const EPCI = "query Epci($siren: ID!) { epci(siren: $siren) { siren name population } }";
const manifestOf = (...documents: string[]) => Object.fromEntries(documents.map((d) => [sha256Hex(d), d]));

const ctx = useSeededApi();
let http: RunningHttpApp;
let api: string;
const keys = {} as Record<"partner" | "bound" | "documentsOnly" | "embed" | "admin" | "otherOrg", { id: string; key: string }>;

beforeAll(async () => {
  const db = ctx.database.db;
  await addAdminOrganization(db);
  keys.partner = await createApiKey(db, { organizationId: "mgen", role: Role.PARTNER });
  keys.bound = await createApiKey(db, { organizationId: "mgen", role: Role.PARTNER, origins: [INTRANET] });
  keys.documentsOnly = await createApiKey(db, { organizationId: "mgen", role: Role.PARTNER, documentsOnly: true });
  keys.embed = await createApiKey(db, { organizationId: "mgen", role: Role.EMBED, origins: [INTRANET, "http://127.0.0.1:8080"] });
  keys.admin = await createApiKey(db, { organizationId: "territoire-sante", role: Role.ADMIN });
  keys.otherOrg = await createApiKey(db, { organizationId: "mutualite-francaise", role: Role.PARTNER });
  http = await startHttpApp(db, { limits: { ...DEFAULT_LIMITS, anonymousRequestsPerMinute: 10_000 } });
  api = `${http.base}/graphql`;
});
afterAll(() => http?.stop());

const bearer = (name: keyof typeof keys) => ({ authorization: `Bearer ${keys[name].key}` });
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(api, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
async function get(search: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${api}?${new URLSearchParams(search)}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? null : (JSON.parse(text) as any) };
}
const register = (manifest: unknown, name: keyof typeof keys, target: { keyId?: string; public?: boolean } = {}) =>
  post(
    {
      query: "mutation Register($manifest: JSONObject!, $keyId: ID, $public: Boolean) { registerTrustedDocuments(manifest: $manifest, keyId: $keyId, public: $public) { owner registered added documentIds } }",
      variables: { manifest, ...target },
    },
    bearer(name),
  );
const documentCount = async () => Number((await sql<{ n: unknown }>(ctx.database.db, "SELECT COUNT(*) AS n FROM trusted_document"))[0].n);

describe("CORS: pages on other origins may call the API", () => {
  it("answers a preflight with 204, the methods and headers accepted and a max age, never with credentials", async () => {
    const res = await fetch(api, { method: "OPTIONS", headers: { origin: INTRANET, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")?.split(", ")).toEqual(expect.arrayContaining(["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name", "apollographql-client-name"]));
    expect(res.headers.get("access-control-max-age")).toBe(String(DEFAULT_CONFIG.access.corsMaxAgeSeconds));
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("lets a page read the answer of an anonymous query, its budget and ETag included, by POST and by plain GET", async () => {
    const byPost = await post({ query: '{ region(code: "76") { name } }' }, { origin: INTRANET });
    expect(byPost.status).toBe(200);
    expect(byPost.headers.get("access-control-allow-origin")).toBe("*");
    expect(byPost.headers.get("access-control-expose-headers")).toMatch(/ratelimit-policy/);
    // No preflight header needed: a read by GET works from a plain fetch.
    const byGet = await get({ query: '{ region(code: "76") { name } }' }, { origin: INTRANET });
    expect(byGet).toMatchObject({ status: 200, body: { data: { region: { name: "Occitanie" } } } });
    expect(byGet.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("with CORS_ORIGINS set, answers the listed origins by name (Vary: Origin) and refuses the others' preflight", async () => {
    const listed = await startHttpApp(ctx.database.db, { access: { ...DEFAULT_CONFIG.access, corsOrigins: [INTRANET] } });
    try {
      const allowed = await fetch(`${listed.base}/graphql`, { method: "OPTIONS", headers: { origin: INTRANET, "access-control-request-method": "POST" } });
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(INTRANET);
      expect(allowed.headers.get("vary")).toBe("Origin");
      const refused = await fetch(`${listed.base}/graphql`, { method: "OPTIONS", headers: { origin: ELSEWHERE, "access-control-request-method": "POST" } });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe("ORIGIN_NOT_ALLOWED");
      const map = await fetch(`${listed.base}/maps/departements.svg`, { headers: { origin: INTRANET } });
      expect(map.headers.get("access-control-allow-origin")).toBe(INTRANET);
    } finally {
      await listed.stop();
    }
  });
});

describe("a key bound to page origins", () => {
  const query = { query: '{ region(code: "53") { name } }' };

  it("is accepted from its origin, and from no origin at all (a server)", async () => {
    expect((await post(query, { ...bearer("bound"), origin: INTRANET })).status).toBe(200);
    expect((await post(query, bearer("bound"))).status).toBe(200);
  });

  it("is refused from another page on the maps and exports too", async () => {
    const map = await fetch(`${http.base}/maps/departements.svg`, { headers: { ...bearer("bound"), origin: ELSEWHERE } });
    expect(map.status).toBe(403);
    expect(((await map.json()) as any).errors[0].extensions.code).toBe("ORIGIN_NOT_ALLOWED");
    expect((await fetch(`${http.base}/maps/departements.svg`, { headers: { ...bearer("bound"), origin: INTRANET } })).status).toBe(200);
  });

  it.each([
    ["another page", ELSEWHERE],
    ["the same host on another scheme", "http://intranet.example"],
    ["an Origin that is not one", "not an origin"],
    ['a sandboxed page ("null")', "null"],
  ])("is refused from %s: 403 ORIGIN_NOT_ALLOWED, naming the origins it is bound to", async (_name, origin) => {
    const { status, body } = await post(query, { ...bearer("bound"), origin });
    expect(status).toBe(403);
    expect(body.errors[0].extensions).toEqual({ code: "ORIGIN_NOT_ALLOWED", allowedOrigins: [INTRANET] });
    expect(body.errors[0].message).toMatch(/may only be used from https:\/\/intranet\.example/);
  });
});

describe("trusted documents", () => {
  const manifest = manifestOf(HERO, EPCI);

  it("refuses a wrong manifest whole, naming each wrong entry, and registers nothing", async () => {
    const before = await documentCount();
    const wrong = {
      ...manifest,
      [sha256Hex("{ region(code: \"76\") { nom } }")]: '{ region(code: "76") { nom } }',
      ["0".repeat(64)]: "{ regions { code } }",
      "not-a-hash": "{ regions { code } }",
      [sha256Hex("{ regions {")]: "{ regions {",
    };
    const { body } = await register(wrong, "partner", { keyId: keys.documentsOnly.id });
    expect(body.data).toBeNull();
    const error = body.errors[0];
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/^The manifest was refused, nothing was registered: 4 of its 6 entries are wrong/);
    expect(error.extensions.problems).toEqual([
      expect.stringMatching(/^"[0-9a-f]{64}": Cannot query field "nom" on type "Region"/),
      `"${"0".repeat(64)}": its document hashes to ${sha256Hex("{ regions { code } }")}, not to its key`,
      '"not-a-hash": not a SHA-256 in lower-case hex (optionally prefixed "sha256:")',
      expect.stringMatching(/^"[0-9a-f]{64}": Syntax Error/),
    ]);
    expect(await documentCount()).toBe(before);
    const empty = await register({}, "partner");
    expect(empty.body.errors[0]).toMatchObject({ message: "The manifest holds no document", extensions: { code: "BAD_USER_INPUT" } });
    const tooMany = await register(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [String(i), "{ regions { code } }"])), "partner");
    expect(tooMany.body.errors[0].message).toBe("The manifest holds 1001 documents: at most 1000 per registration");
  });

  it("registers a manifest for a key of the partner's organization, once: registering it again adds nothing; both are audited", async () => {
    const first = await register(manifest, "partner", { keyId: keys.documentsOnly.id });
    expect(first.body).toEqual({
      data: { registerTrustedDocuments: { owner: keys.documentsOnly.id, registered: 2, added: 2, documentIds: Object.keys(manifest).map((h) => `sha256:${h}`) } },
      extensions: expect.anything(),
    });
    const again = await register(manifest, "partner", { keyId: keys.documentsOnly.id });
    expect(again.body.data.registerTrustedDocuments).toMatchObject({ registered: 2, added: 0 });
    const audits = await sql<{ n: unknown }>(ctx.database.db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'registerTrustedDocuments' AND entity_id = ?", [keys.documentsOnly.id]);
    expect(Number(audits[0].n)).toBe(2);
  });

  it("refuses registrations the caller may not make: another organization's key, public documents without admin, a documents-only or embed key", async () => {
    expect((await register(manifest, "otherOrg", { keyId: keys.documentsOnly.id })).body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await register(manifest, "partner", { public: true })).body.errors[0].message).toMatch(/Only an admin key registers public documents/);
    expect((await register(manifest, "documentsOnly")).status).toBe(403); // it may not even send the mutation's text
    expect((await post({ query: "{ regions { code } }" }, { ...bearer("embed"), origin: INTRANET })).body.errors[0].extensions.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
    expect((await register(manifest, "admin", { keyId: "nosuchkey000" })).body.errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("runs a registered document by documentId, by POST and by GET, prefixed or bare, with the answers of the same text", async () => {
    const hero = sha256Hex(HERO);
    const byText = await post({ query: HERO }, bearer("partner"));
    const byId = await post({ documentId: `sha256:${hero}` }, bearer("documentsOnly"));
    expect(byId.status).toBe(200);
    expect(byId.body.data).toEqual(byText.body.data);
    const epci = await get({ documentId: sha256Hex(EPCI), variables: JSON.stringify({ siren: "200035327" }) }, bearer("documentsOnly"));
    expect(epci.body.data).toEqual({ epci: { siren: "200035327", name: "CC Cazals-Salviac", population: 5539 } });
  });

  it("answers an unknown id 404 PERSISTED_DOCUMENT_NOT_FOUND, a malformed one 400, an id with query text 400", async () => {
    const unknown = await post({ documentId: `sha256:${sha256Hex("{ regions { code name } }")}` }, bearer("documentsOnly"));
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
    // Another key's documents are not this key's.
    expect((await post({ documentId: `sha256:${sha256Hex(HERO)}` }, bearer("partner"))).status).toBe(404);
    const malformed = await post({ documentId: "md5:abc" }, bearer("documentsOnly"));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect((await post({ documentId: `sha256:${sha256Hex(HERO)}`, query: HERO }, bearer("documentsOnly"))).body.errors[0].message).toBe("Send either documentId or query, not both");
  });

  it("refuses query text, and automatic persisted queries, from a documents-only key: 403 PERSISTED_DOCUMENT_REQUIRED", async () => {
    const text = await post({ query: HERO }, bearer("documentsOnly"));
    expect(text.status).toBe(403);
    expect(text.body.errors[0].extensions.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
    const apq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(HERO) } } }, bearer("documentsOnly"));
    expect(apq.status).toBe(403);
  });
});

describe("an embed key and public documents: cacheable reads by id", () => {
  const query = '{ region(code: "76") { name population } }';
  beforeAll(async () => {
    const done = await register(manifestOf(query), "admin", { public: true });
    expect(done.body.data.registerTrustedDocuments.added).toBe(1);
  });

  it("answers a GET by id, anonymous or with an embed key from its page, with Cache-Control public and an ETag that revalidates", async () => {
    for (const headers of [{ origin: INTRANET }, { ...bearer("embed"), origin: INTRANET }]) {
      const first = await get({ documentId: `sha256:${sha256Hex(query)}` }, headers);
      expect(first.status).toBe(200);
      expect(first.body.data.region.name).toBe("Occitanie");
      expect(first.headers.get("cache-control")).toBe(`public, max-age=${DEFAULT_CONFIG.access.documentMaxAgeSeconds}`);
      // A key's answer is kept per page and per key, never handed by a cache to another page.
      expect(first.headers.get("vary")).toBe("authorization" in headers ? "Origin, Authorization" : null);
      const again = await get({ documentId: sha256Hex(query) }, { ...headers, "if-none-match": first.headers.get("etag")! });
      expect(again.status).toBe(304);
    }
    // A partner key's reads are its own: not marked for shared caches.
    expect((await get({ documentId: sha256Hex(query) }, bearer("partner"))).headers.get("cache-control")).toBeNull();
  });

  it("refuses writes from an embed key, and its use from another page", async () => {
    const write = await post({ documentId: sha256Hex(query) }, { ...bearer("embed"), origin: ELSEWHERE });
    expect(write.body.errors[0].extensions.code).toBe("ORIGIN_NOT_ALLOWED");
    await expect(createApiKey(ctx.database.db, { organizationId: "mgen", role: Role.EMBED })).rejects.toThrow(/an embed key needs --origin/);
  });
});

describe("the budget on every answer", () => {
  it("gives RateLimit-Policy and RateLimit (IETF draft), per key and per address, counting down", async () => {
    const a = await post({ query: "{ regions { code } }" }, bearer("partner"));
    const b = await post({ query: "{ regions { code } }" }, bearer("partner"));
    expect(a.headers.get("ratelimit-policy")).toBe(`"key";q=${DEFAULT_LIMITS.keyRequestsPerMinute};w=60`);
    const remaining = (h: Headers) => Number(/r=(\d+)/.exec(h.get("ratelimit") ?? "")?.[1]);
    expect(a.headers.get("ratelimit")).toMatch(/^"key";r=\d+;t=\d+$/);
    expect(remaining(b.headers)).toBe(remaining(a.headers) - 1);
    const anonymous = await post({ query: "{ regions { code } }" });
    expect(anonymous.headers.get("ratelimit-policy")).toBe('"anonymous";q=10000;w=60');
    const map = await fetch(`${http.base}/maps/departements.svg`);
    expect(map.headers.get("ratelimit-policy")).toMatch(/^"anonymous";q=\d+;w=60$/);
  });

  it("keeps them on a refusal (429), and gives each operation's cost against the limit in extensions", async () => {
    const tight = await startHttpApp(ctx.database.db, { limits: { ...DEFAULT_LIMITS, anonymousRequestsPerMinute: 1 } });
    try {
      await fetch(`${tight.base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ regions { code } }" }) });
      const refused = await fetch(`${tight.base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ regions { code } }" }) });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("ratelimit")).toMatch(/^"anonymous";r=0;t=\d+$/);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await tight.stop();
    }
    const { body } = await post({ query: "{ regions { code departments { code } } }" });
    expect(body.extensions).toEqual({ cost: { requested: 18 * (1 + 6), limit: DEFAULT_LIMITS.maxCost } });
  });
});
