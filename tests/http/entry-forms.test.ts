import { gzipSync } from "node:zlib";
import { createResponseCache, type ResponseCache } from "../../src/cache/response-cache";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * Every GraphQL request goes through one pipeline (src/server/graphql/graphql-handler.ts); only
 * the reading of its parameters differs by form. The same request sent in each form gets the
 * same status, the same body and the same headers (GET answers add their ETag).
 */
interface Sent {
  query?: string;
  variables?: Record<string, unknown> | string;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

type Form = (url: string, sent: Sent, headers: Record<string, string>) => Promise<Response>;

const json = (sent: Sent) => JSON.stringify(sent);
/** A variables value the way each form carries it: JSON inside JSON, or JSON in the query string. */
const asSearch = (sent: Sent) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(sent)) {
    if (value !== undefined) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return search.toString();
};

const FORMS: Record<string, Form> = {
  "POST application/json": (url, sent, headers) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: json(sent) }),
  "POST application/json; charset=utf-8, gzip": (url, sent, headers) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8", "content-encoding": "gzip", ...headers }, body: gzipSync(json(sent)) }),
  "POST application/json; charset=utf-16le": (url, sent, headers) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-16le", ...headers }, body: Buffer.from(json(sent), "utf16le") }),
  GET: (url, sent, headers) => fetch(`${url}?${asSearch(sent)}`, { headers }),
};

/** The requests compared: answered, refused before execution, or partly failed. */
const CASES: [string, Sent, Record<string, string>][] = [
  ["a query", { query: '{ region(code: "76") { name departments { code } } }' }, {}],
  ["a query with variables", { query: "query R($code: ID!) { region(code: $code) { name } }", variables: { code: "76" } }, {}],
  ["a field error inside execution (200, partial data)", { query: '{ region(code: "76") { name } epci(siren: "12") { name } }' }, {}],
  ["an operation invalid for the schema (422)", { query: '{ region(code: "76") { nom } }' }, {}],
  ["variables of the wrong type (422)", { query: "query R($code: ID!) { region(code: $code) { name } }", variables: { code: { x: 1 } } }, {}],
  ["a syntax error (400)", { query: "{ region(code: " }, {}],
  ["an operationName naming no operation (400)", { query: "query A { regions { code } } query B { regions { name } }", operationName: "C" }, {}],
  ["a document over the token limit (400)", { query: `{ ${"regions { name } ".repeat(30)} }` }, {}],
  ["variables nested too deep (400)", { query: "query ($v: [ID]) { regions { code } }", variables: JSON.parse(`{"v":${"[".repeat(40)}${"]".repeat(40)}}`) as Record<string, unknown> }, {}],
  ["a persisted query whose hash is not its text's (400)", { query: "{ regions { code } }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, {}],
  ["a malformed API key (401)", { query: "{ regions { code } }" }, { authorization: "Bearer 12345" }],
  ["no query at all (400)", {}, {}],
];

/** Headers that differ by nature between two answers (date, length of another encoding, the GET's ETag, the budget left). */
const VARYING = new Set(["date", "content-length", "etag", "connection", "keep-alive", "ratelimit"]);
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !VARYING.has(name)));

const ctx = useSeededApi();
let http: RunningHttpApp;
beforeAll(async () => {
  // A token limit low enough for a GET's query string to carry a document past it.
  http = await startHttpApp(ctx.database.db, { limits: { ...DEFAULT_LIMITS, maxTokens: 100 } });
});
afterAll(() => http?.stop());

describe("one pipeline for every form of GraphQL request", () => {
  // CSRF prevention asks GET requests for a preflight header (docs/security.md); the POST forms carry it too.
  const preflight = { "apollo-require-preflight": "1", accept: "application/graphql-response+json" };

  it.each(CASES)("%s: the same status, body and headers whatever the form", async (_name, sent, headers) => {
    const answers = [];
    for (const [form, send] of Object.entries(FORMS)) {
      const res = await send(`${http.base}/graphql`, sent, { ...preflight, ...headers });
      answers.push({ form, status: res.status, headers: headersOf(res), body: await res.text() });
    }
    const [reference, ...others] = answers;
    for (const other of others) expect({ ...other, form: reference.form }).toEqual(reference);
    expect(reference.body.length).toBeGreaterThan(0);
  });

  it("writes header names in lower case and gives a GET answer, not a POST one, an ETag that revalidates with 304", async () => {
    const sent = { query: '{ region(code: "76") { name } }' };
    const post = await FORMS["POST application/json"](`${http.base}/graphql`, sent, preflight);
    expect(post.headers.get("etag")).toBeNull();
    const get = await FORMS.GET(`${http.base}/graphql`, sent, preflight);
    const etag = get.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await FORMS.GET(`${http.base}/graphql`, sent, { ...preflight, "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("refuses a mutation sent by GET (405), which POST would run", async () => {
    const res = await FORMS.GET(`${http.base}/graphql`, { query: 'mutation { archiveInitiative(id: "x", version: 1) { id } }' }, preflight);
    expect(res.status).toBe(405);
  });

  it("refuses an unknown content encoding or charset with 400 BAD_REQUEST naming it", async () => {
    const deflated = await fetch(`${http.base}/graphql`, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "zstd" }, body: "{}" });
    expect(deflated.status).toBe(400);
    expect(((await deflated.json()) as any).errors[0]).toEqual({ message: 'Content-Encoding "zstd" is not supported (identity, gzip, deflate or br)', extensions: { code: "BAD_REQUEST" } });
    const latin = await fetch(`${http.base}/graphql`, { method: "POST", headers: { "content-type": "application/json; charset=latin1" }, body: "{}" });
    expect(latin.status).toBe(400);
    expect(((await latin.json()) as any).errors[0].message).toBe('The request body\'s charset "latin1" is not supported: send JSON in UTF-8');
  });
});

describe("the response cache, whatever the form", () => {
  let cached: RunningHttpApp;
  let cache: ResponseCache;
  beforeAll(async () => {
    cache = createResponseCache();
    cached = await startHttpApp(ctx.database.db, { responseCache: cache });
  });
  afterAll(async () => {
    await cached?.stop();
    await cache?.close();
  });

  it("keeps an anonymous query's answer and serves it to the same query in another form (x-response-cache)", async () => {
    const sent = { query: "query Name($code: ID!) { region(code: $code) { name } }", variables: { code: "53" } };
    const headers = { "apollo-require-preflight": "1", accept: "application/json" };
    const first = await FORMS.GET(`${cached.base}/graphql`, sent, headers);
    expect(first.headers.get("x-response-cache")).toBe("miss");
    const second = await FORMS["POST application/json"](`${cached.base}/graphql`, sent, headers);
    expect(second.headers.get("x-response-cache")).toBe("hit");
    expect(await second.json()).toEqual(await first.json());
  });
});
