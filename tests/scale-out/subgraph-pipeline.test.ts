import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { DEFAULT_LIMITS } from "../../src/config/config";
import type { Limits } from "../../src/config/limits";
import { type RunningServer, startServer } from "../../src/server/start-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// src/server/graphql/pipeline-profile.ts: a subgraph process (`--subgraph NAME`) answers its
// gateway's fetches without the steps only a public endpoint needs (the anonymous per-address
// rate limit, the token limit, GraphiQL's page); a public endpoint keeps them. Both run with the
// same tight limits here, so that each step shows.

const LIMITS: Limits = { ...DEFAULT_LIMITS, anonymousRequestsPerMinute: 3, keyRequestsPerMinute: 3, maxTokens: 40, graphiql: true };
/** Well over 40 tokens, well within every other limit. */
const LONG_QUERY = `{ ${Array.from({ length: 20 }, (_, i) => `r${i}: regions { code }`).join(" ")} }`;

let database: TestDatabase;
let subgraph: RunningServer;
let monolith: RunningServer;
/** A second public endpoint for the rate limit alone: the other tests' requests do not spend its budget. */
let rateLimited: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  const serve = (mode: Parameters<typeof startServer>[0]["mode"]) => startServer({ db: database.db, mode, port: 0, host: "127.0.0.1", limits: LIMITS, reportError: () => {} });
  [subgraph, monolith, rateLimited] = await Promise.all([serve({ kind: "subgraph", name: "territories" }), serve({ kind: "monolith" }), serve({ kind: "monolith" })]);
});

afterAll(async () => {
  await Promise.all([subgraph?.close(), monolith?.close(), rateLimited?.close()]);
  await database?.drop();
});

const post = (server: RunningServer, query: string, headers: Record<string, string> = {}) =>
  fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { errors?: { extensions?: { code?: string } }[] } }));
const browse = (server: RunningServer) => fetch(server.url, { headers: { accept: "text/html" } }).then(async (r) => ({ status: r.status, type: r.headers.get("content-type") }));

describe("the pipeline of a subgraph process behind a gateway", () => {
  it("applies no per-address rate limit to anonymous fetches: every fetch comes from the gateway's address", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(subgraph, "{ regions { code } }")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("still authenticates API keys and keeps each key's budget, counted per fetch", async () => {
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(subgraph, "{ regions { code } }", { authorization: `Bearer ${key}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await post(subgraph, "{ regions { code } }", { authorization: "Bearer tsk_unknown_key" })).status).toBe(401);
  });

  it("leaves the token limit to the gateway", async () => {
    const { status, body } = await post(subgraph, LONG_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("serves no GraphiQL page", async () => {
    expect((await browse(subgraph)).type).not.toMatch(/^text\/html/);
  });
});

describe("the pipeline of a public endpoint, with the same limits", () => {
  it("limits anonymous callers per address", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(rateLimited, "{ regions { code } }")).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });

  it("refuses an operation over the token limit", async () => {
    const { status, body } = await post(monolith, LONG_QUERY);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("serves GraphiQL's page to a browser", async () => {
    expect(await browse(monolith)).toEqual({ status: 200, type: "text/html; charset=utf-8" });
  });
});
