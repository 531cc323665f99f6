import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createResponseCache, type ResponseCache } from "../../src/cache/response-cache";
import { DEFAULT_LIMITS } from "../../src/config/config";
import type { Limits } from "../../src/config/limits";
import { ErrorCode, HTTP_STATUS } from "../../src/errors/errors";
import { createApp } from "../../src/server/app";
import { buildExecutable } from "../../src/server/executable";
import { operationHash } from "../../src/server/security/query-limits";
import type { MissionMatch } from "../../src/entities/initiatives/mission-match.type";
import { MissionResolver } from "../../src/resolvers/initiatives/mission.resolver";
import type { RequestContext } from "../../src/context/request-context";
import { TEST_SCHEMA } from "../support/test-api";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Every way a request can be refused over HTTP, pinned: status, code and message. Partners
 * branch on the code; every code seen here must be a member of ErrorCode.
 */
interface Served {
  base: string;
  close: () => Promise<void>;
}

let database: TestDatabase;
const served: Served[] = [];
let cache: ResponseCache;
/** Every (status, code) an answer in this file carried. */
const seen: { status: number; code: unknown }[] = [];

async function serve(limits: Partial<Limits> = {}, responseCache?: ResponseCache): Promise<string> {
  const { executable } = await buildExecutable(TEST_SCHEMA === "monolith" ? { kind: "monolith" } : { kind: "gateway" });
  const { handle, apollo } = await createApp({ db: database.db, executable, limits: { ...DEFAULT_LIMITS, ...limits }, responseCache, reportError: () => {} });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(handle).listen(0, "127.0.0.1", () => resolve(s));
  });
  served.push({
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  });
  return served[served.length - 1].base;
}

async function send(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  const body = res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  for (const error of body?.errors ?? []) seen.push({ status: res.status, code: error.extensions?.code });
  return { status: res.status, headers: res.headers, body };
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof payload === "string" ? payload : JSON.stringify(payload) });

let api: string;
let base: string;
beforeAll(async () => {
  database = await createTestDatabase();
  cache = createResponseCache();
  base = await serve({}, cache);
  api = `${base}/graphql`;
});
afterAll(async () => {
  for (const s of served) await s.close();
  await cache?.close();
  await database?.drop();
});

describe("requests refused before GraphQL runs: HTTP status, code and message", () => {
  it("a body that is not JSON: 400 BAD_REQUEST", async () => {
    const { status, body } = await post(api, "{ query: ");
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("a body over the limit: 413 PAYLOAD_TOO_LARGE", async () => {
    const { status, body } = await post(api, { query: `{ regions { name } } #${"x".repeat(120_000)}` });
    expect(status).toBe(413);
    expect(body.errors[0].extensions).toEqual({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("a malformed API key: 401 UNAUTHENTICATED", async () => {
    const { status, body } = await post(api, { query: "{ regions { code } }" }, { authorization: "Bearer 12345" });
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toEqual({ code: "UNAUTHENTICATED" });
  });

  it("a document over the token limit: 400 QUERY_TOO_COMPLEX", async () => {
    const { status, body } = await post(api, { query: `{ ${"regions { name } ".repeat(800)} }` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "tokens" });
  });

  it("a mutation sent by GET: 405, Allow: POST (a read by GET needs no preflight header; writes do)", async () => {
    const { status, headers, body } = await send(`${api}?query=${encodeURIComponent('mutation { archiveInitiative(id: "x", version: 1) { id } }')}`);
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("POST");
    expect(body.errors[0]).toEqual({ message: "GET requests only support query operations, not mutation operations", extensions: { code: "BAD_REQUEST" } });
  });

  it("a POST whose body is not JSON (a form a page could send without a preflight): 400 BAD_REQUEST, nothing run", async () => {
    const { status, body } = await send(api, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: '{ regions { code } }' }) });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("a bad map parameter: 400 BAD_USER_INPUT naming the argument", async () => {
    const { status, body } = await send(`${base}/maps/departements.svg?measure=nothing`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", invalidArguments: ["measure"] });
  });
});

describe("hostile variables", () => {
  const deep = (levels: number) => JSON.parse("[".repeat(levels) + "]".repeat(levels)) as unknown;

  it("refuses a body nested 40,000 levels deep with 400 BAD_REQUEST, before parsing it (its variables overflowed the stack, answered 500)", async () => {
    const body = `{"query":"query ($v: [ID]) { regions { code } }","variables":{"v":${"[".repeat(40_000)}${"]".repeat(40_000)}}}`;
    const { status, body: answer } = await post(api, body);
    expect(status).toBe(400);
    expect(answer).toEqual({
      errors: [{ message: "The request's parameters must not nest arrays and objects more than 32 levels deep", extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("refuses the same in a GET request's variables", async () => {
    const url = `${api}?query=${encodeURIComponent("query ($v: [ID]) { regions { code } }")}&variables=${encodeURIComponent(`{"v":${"[".repeat(1000)}${"]".repeat(1000)}}`)}`;
    const { status, body } = await send(url, { headers: { "apollo-require-preflight": "1" } });
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({ message: "The request's parameters must not nest arrays and objects more than 32 levels deep", extensions: { code: "BAD_REQUEST" } });
  });

  it("accepts variables 32 levels deep as a request, then refuses their type (422 BAD_USER_INPUT)", async () => {
    const { status, body } = await post(api, { query: "query ($v: ID!) { region(code: $v) { name } }", variables: { v: deep(30) } }); // 32 levels with the body and the variables objects
    expect(status).toBe(422);
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers `__proto__` keys, huge numbers and wide objects as ordinary client errors or data", async () => {
    const proto = await post(api, '{"query":"query ($code: ID!) { region(code: $code) { name } }","variables":{"__proto__":{"code":"76"},"code":"76"}}');
    expect(proto.status).toBe(200);
    expect(proto.body.data.region.name).toBe("Occitanie");
    const huge = await post(api, '{"query":"query ($n: Int) { epcis(first: $n) { totalCount } }","variables":{"n":1e400}}');
    expect(huge.status).toBe(422);
    expect(huge.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const wide = await post(api, { query: "{ regions { code } }", variables: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`v${i}`, i])) });
    expect(wide.status).toBe(200);
  });
});

describe("automatic persisted queries", () => {
  const query = '{ region(code: "53") { name } }';

  it("refuses a sha256Hash that is not the hash of the query sent with it, before the response cache: 400 PERSISTED_QUERY_HASH_MISMATCH", async () => {
    // The text is in the response cache first: a mismatched hash must not be answered from it.
    expect((await post(api, { query })).body.data.region.name).toBe("Bretagne");
    expect((await post(api, { query })).body.data.region.name).toBe("Bretagne");
    const wrong = "0".repeat(64);
    const { status, headers, body } = await post(api, { query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(status).toBe(400);
    expect(headers.get("x-response-cache")).toBeNull();
    expect(body).toEqual({
      errors: [
        {
          message: `extensions.persistedQuery.sha256Hash must be the SHA-256 of the query text (received "${wrong}", the text hashes to "${operationHash(query)}")`,
          extensions: { code: "PERSISTED_QUERY_HASH_MISMATCH" },
        },
      ],
    });
  });

  it("registers a matching hash, then runs it from the hash alone; an unknown hash gets 200 PERSISTED_QUERY_NOT_FOUND", async () => {
    const other = '{ region(code: "24") { name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: operationHash(other) } };
    const unknown = await post(api, { extensions });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(api, { query: other, extensions })).body.data.region.name).toBe("Centre-Val de Loire");
    expect((await post(api, { extensions })).body.data.region.name).toBe("Centre-Val de Loire");
  });

  it("refuses another protocol version: 400 BAD_REQUEST", async () => {
    const { status, body } = await post(api, { query, extensions: { persistedQuery: { version: 2, sha256Hash: operationHash(query) } } });
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({ message: "extensions.persistedQuery.version must be 1 (received 2)", extensions: { code: "BAD_REQUEST" } });
  });
});

describe("operations refused by Apollo Server before execution", () => {
  it.each([
    ["a syntax error", 400, "GRAPHQL_PARSE_FAILED", { query: "{ regions { name }" }],
    ["a field the schema does not have", 422, "GRAPHQL_VALIDATION_FAILED", { query: "{ regions { mayor } }" }],
    ["a variable of the wrong type", 422, "BAD_USER_INPUT", { query: "query ($n: Int) { epcis(first: $n) { totalCount } }", variables: { n: "ten" } }],
    ["an operationName the document does not have", 400, "OPERATION_RESOLUTION_FAILURE", { query: "{ regions { name } }", operationName: "Nope" }],
    ["a query nested too deep", 400, "QUERY_TOO_COMPLEX", { query: `{ commune(code: "38316") { ${"epci { communes { ".repeat(6)} name ${"} } ".repeat(6)} } }` }],
    ["a query over the cost limit", 400, "QUERY_TOO_COMPLEX", { query: "{ epcis(first: 100) { edges { node { communes { initiatives { carriers { name } } } } } } }" }],
  ] as [string, number, string, object][])("%s: %i %s", async (_what, status, code, payload) => {
    const answer = await post(api, payload);
    expect(answer.status).toBe(status);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors[0].extensions.code).toBe(code);
  });

  it("keeps 200 with partial data for errors during execution", async () => {
    const bad = await post(api, { query: '{ epci(siren: "12") { name } regions { code } }' });
    expect(bad.status).toBe(200);
    expect(bad.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(bad.body.data.regions).toHaveLength(18);
    const write = await post(api, { query: 'mutation { archiveInitiative(id: "x", version: 1) { id } }' });
    expect(write.status).toBe(200);
    expect(write.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("limits of a stricter server", () => {
  it("off the allow-list: 403 OPERATION_NOT_ALLOWED; past the rate limit: 429 RATE_LIMITED with Retry-After", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "allow-")), "allow.json");
    fs.writeFileSync(file, JSON.stringify(["{ regions { code } }"]));
    const strict = `${await serve({ allowListFile: file, anonymousRequestsPerMinute: 2 })}/graphql`;
    const other = await post(strict, { query: "{ regions { name } }" });
    expect(other.status).toBe(403);
    expect(other.body.errors[0]).toEqual({ message: "This server only runs the operations on its allow-list", extensions: { code: "OPERATION_NOT_ALLOWED" } });
    await post(strict, { query: "{ regions { code } }" });
    const limited = await post(strict, { query: "{ regions { code } }" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited.body.errors[0].extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: Number(limited.headers.get("retry-after")) });
  });
});

describe("one error path", () => {
  it("every code answered in this file is an ErrorCode, with the status HTTP_STATUS gives it when the request was refused", () => {
    const codes = new Set(seen.map((s) => s.code));
    expect([...codes].filter((code) => !Object.values(ErrorCode).includes(code as ErrorCode))).toEqual([]);
    // Requests refused as a whole carry their code's status (422 is the draft's status for operations that cannot run,
    // 405 its status for a mutation sent by GET).
    for (const { status, code } of seen) {
      if (status === 200 || status === 422 || status === 405) continue;
      expect([code, status]).toEqual([code, HTTP_STATUS[code as ErrorCode]]);
    }
    expect([...codes].sort()).toEqual([
      "BAD_REQUEST",
      "BAD_USER_INPUT",
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "OPERATION_NOT_ALLOWED",
      "OPERATION_RESOLUTION_FAILURE",
      "PAYLOAD_TOO_LARGE",
      "PERSISTED_QUERY_HASH_MISMATCH",
      "PERSISTED_QUERY_NOT_FOUND",
      "QUERY_TOO_COMPLEX",
      "RATE_LIMITED",
      "UNAUTHENTICATED",
    ]);
  });

  it("no error code, and no HTTP status for an error, is written outside src/errors", () => {
    const members = new Set<string>(Object.values(ErrorCode));
    const offending: string[] = [];
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const src = path.join(__dirname, "../../src");
    for (const file of walk(src).filter((f) => f.endsWith(".ts") && !f.includes(`${path.sep}errors${path.sep}`))) {
      const text = fs.readFileSync(file, "utf8");
      const where = path.relative(src, file);
      for (const [, literal] of text.matchAll(/["'`]([A-Z][A-Z_]+)["'`]/g)) if (members.has(literal)) offending.push(`${where}: "${literal}"`);
      for (const [match] of text.matchAll(/\bcode: ["'`][A-Z][A-Z_]{2,}["'`]|\bhttp: \{ status|sendRequestError/g)) offending.push(`${where}: ${match}`);
    }
    expect(offending).toEqual([]);
  });

  it("a failed volunteer batch fails the field instead of shortening the list (loadMany's Error values are surfaced)", async () => {
    const failure = new Error("the database went away");
    const ctx = {
      caller: { kind: "key", keyId: "k", organizationId: "mgen", role: "partner" },
      loaders: { volunteer: { byId: { loadMany: async () => [{ id: "v1" }, failure] } } },
    } as unknown as RequestContext;
    await expect(new MissionResolver().volunteers({ volunteerIds: ["v1", "v2"] } as MissionMatch, ctx)).rejects.toBe(failure);
  });
});
