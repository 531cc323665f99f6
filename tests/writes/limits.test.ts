import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApiKey, revokeApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { DEFAULT_LIMITS } from "../../src/config/config";
import type { Limits } from "../../src/config/limits";
import { parse } from "graphql";
import { variablesAffectingCost } from "../../src/server/security/query-cost";
import { operationHash } from "../../src/server/security/query-limits";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { postGraphQL } from "../support/processes";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HERO = `{ region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;
const FAN_OUT = "{ regions { name departments { name epcis { name communes { name } } } } }";

let database: TestDatabase;
const servers: RunningServer[] = [];
async function serve(limits: Partial<Limits> = {}): Promise<RunningServer> {
  const server = await startServer({ db: database.db, mode: { kind: "monolith" }, port: 0, host: "127.0.0.1", limits: { ...DEFAULT_LIMITS, ...limits }, reportError: () => {} });
  servers.push(server);
  return server;
}
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await database.drop();
});

describe("abuse limits, checked before execution", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve();
  });

  it("accepts the hero query and the full fan-out", async () => {
    expect((await postGraphQL(server.url, HERO)).body.errors).toBeUndefined();
    expect((await postGraphQL(server.url, FAN_OUT)).body.errors).toBeUndefined();
  });

  it("refuses a query nested deeper than 12 levels (QUERY_TOO_COMPLEX, limit depth, HTTP 400)", async () => {
    const deep = `{ commune(code: "38316") { ${"epci { communes { ".repeat(6)} name ${"} } ".repeat(6)} } }`;
    const { status, body } = await postGraphQL(server.url, deep);
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({ message: "Query depth limit of 12 exceeded, found 14.", extensions: { code: "QUERY_TOO_COMPLEX", limit: "depth" } });
  });

  it("refuses an alias bomb", async () => {
    const bomb = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: regions { name }`).join(" ")} }`;
    const { status, body } = await postGraphQL(server.url, bomb);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "aliases" });
  });

  it("refuses a document of more than 3,000 tokens", async () => {
    const long = `{ ${"regions { name } ".repeat(800)} }`;
    const { status, body } = await postGraphQL(server.url, long);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "tokens" });
  });

  it("refuses a query whose page sizes multiply past the cost limit", async () => {
    const costly = `{ epcis(first: 100) { edges { node { communes { initiatives { carriers { name } } } } } } }`;
    const { status, body } = await postGraphQL(server.url, costly);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", maxCost: 60000 });
    expect(body.errors[0].message).toMatch(/^Query cost \d+ exceeds the limit of 60000/);
  });

  it("estimates the cost again when the same operation comes with other page sizes or directives", async () => {
    const query = `query Pages($n: Int!, $siren: ID!, $deep: Boolean!) {
      epci(siren: $siren) { name }
      epcis(first: $n) { edges { node { name communes @include(if: $deep) { initiatives { carriers { name } } } } } } }`;
    const cheap = await postGraphQL(server.url, query, {}, { n: 5, siren: "200035327", deep: true });
    expect(cheap.body.errors).toBeUndefined();
    const otherCode = await postGraphQL(server.url, query, {}, { n: 5, siren: "244600573", deep: true });
    expect(otherCode.body.errors).toBeUndefined();
    const costly = await postGraphQL(server.url, query, {}, { n: 100, siren: "200035327", deep: true });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost" });
    const shallow = await postGraphQL(server.url, query, {}, { n: 100, siren: "200035327", deep: false });
    expect(shallow.body.errors).toBeUndefined();
    expect(variablesAffectingCost(parse(query))).toEqual(["deep", "n"]);
  });

  it("counts the tokens of each text, however often a shorter one was accepted", async () => {
    expect((await postGraphQL(server.url, "{ regions { name } }")).body.errors).toBeUndefined();
    expect((await postGraphQL(server.url, "{ regions { name } }")).body.errors).toBeUndefined();
    const long = await postGraphQL(server.url, `{ regions { name } ${"regions { name } ".repeat(800)} }`);
    expect(long.body.errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "tokens" });
  });

  it("refuses a body over 100 kB with 413, and a body that is not JSON with 400, both as JSON errors", async () => {
    const big = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ regions { name } } #${"x".repeat(120_000)}` }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: "The request body is larger than the limit of 102400 bytes", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    const notJson = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{ query: " });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("supports automatic persisted queries (APQ)", async () => {
    const query = '{ region(code: "53") { name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: operationHash(query) } };
    const send = (body: object) => fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as any);
    expect((await send({ extensions })).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await send({ query, extensions })).data.region.name).toBe("Bretagne");
    expect((await send({ extensions })).data.region.name).toBe("Bretagne");
  });
});

describe("API keys", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve();
  });

  it("refuses a malformed, unknown or revoked key with 401 instead of reading as anonymous", async () => {
    const { id, key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    expect((await postGraphQL(server.url, "{ regions { code } }", { authorization: `Bearer ${key}` })).status).toBe(200);
    const malformed = await postGraphQL(server.url, "{ regions { code } }", { authorization: "Bearer 12345" });
    expect(malformed.status).toBe(401);
    expect(malformed.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const unknown = await postGraphQL(server.url, "{ regions { code } }", { authorization: `Bearer ${key.slice(0, -4)}AAAA` });
    expect(unknown.body.errors[0].message).toBe("The API key is not valid");
    await revokeApiKey(database.db, id);
    const revoked = await postGraphQL(server.url, "{ regions { code } }", { authorization: `Bearer ${key}` });
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors[0].message).toBe("The API key was revoked");
  });

  it("stores only a hash of each key", async () => {
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    const dump = JSON.stringify(await database.db.query("SELECT * FROM api_key"));
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(key.split("_")[2]);
  });
});

describe("rate limits", () => {
  it("answers 429 RATE_LIMITED with Retry-After past the per-key and per-address budgets", async () => {
    const server = await serve({ anonymousRequestsPerMinute: 3, keyRequestsPerMinute: 2 });
    const anonymous = [];
    for (let i = 0; i < 4; i++) anonymous.push(await postGraphQL(server.url, "{ regions { code } }"));
    expect(anonymous.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(anonymous[3].body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    const keyed = [];
    for (let i = 0; i < 3; i++) keyed.push((await postGraphQL(server.url, "{ regions { code } }", { authorization: `Bearer ${key}` })).status);
    expect(keyed).toEqual([200, 200, 429]);
  });
});

describe("production switches", () => {
  it("turns introspection and GraphiQL off, and hides field suggestions", async () => {
    const server = await serve({ introspection: false, graphiql: false });
    const introspection = await postGraphQL(server.url, "{ __schema { types { name } } }");
    expect(introspection.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const page = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("graphiql");
    const typo = await postGraphQL(server.url, "{ regionz { code } }");
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it("in allow-list mode, runs only the listed operations (OPERATION_NOT_ALLOWED, 403, otherwise)", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "allow-")), "allow.json");
    fs.writeFileSync(file, JSON.stringify([HERO]));
    const server = await serve({ allowListFile: file });
    expect((await postGraphQL(server.url, HERO)).body.errors).toBeUndefined();
    const other = await postGraphQL(server.url, "{ regions { code } }");
    expect(other.status).toBe(403);
    expect(other.body.errors[0]).toEqual({ message: "This server only runs the operations on its allow-list", extensions: { code: "OPERATION_NOT_ALLOWED" } });
  });
});
