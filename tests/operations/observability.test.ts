import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { createLogger } from "../../src/observability/logger";
import { Metrics } from "../../src/observability/metrics";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { parseMetrics, sampleValue, type Sample } from "../support/metrics-text";
import { postGraphQL } from "../support/processes";
import { type RemoteSubgraphs, startRemoteSubgraphs } from "../support/remote-subgraphs";
import { TEST_SCHEMA } from "../support/test-api";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../support/test-database";

const HERO = `query Hero { region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;
const BAD_SIREN = `query BadSiren { epci(siren: "12") { name } }`;
/** Real API keys, created in beforeAll: the partner's, and a second organization's that the test drives into the rate limit. */
let PARTNER_KEY: string;
let limitedKey: string;

let database: TestDatabase;
let server: RunningServer;
let metrics: Metrics;
const logLines: Record<string, any>[] = [];
const rawLog: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  PARTNER_KEY = (await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER })).key;
  limitedKey = (await createApiKey(database.db, { organizationId: "mutualite-francaise", role: Role.PARTNER })).key;
  metrics = new Metrics(database.db);
  const logger = createLogger({
    level: "info",
    destination: { write: (line: string) => (rawLog.push(line), logLines.push(JSON.parse(line))) },
  });
  server = await startServer({
    db: database.db,
    mode: TEST_SCHEMA === "monolith" ? { kind: "monolith" } : { kind: "gateway" },
    port: 0,
    host: "127.0.0.1",
    logger,
    metrics,
    // Two requests a minute per key: the partner's second request in a minute is refused.
    limits: { ...DEFAULT_LIMITS, keyRequestsPerMinute: 2 },
  });
});
afterAll(async () => {
  await server?.close();
  metrics?.close();
  await database?.drop();
});

const requestLines = () => logLines.filter((l) => l.msg === "request");
const base = () => server.url.replace(/\/graphql$/, "");

describe("Prometheus metrics at /metrics", () => {
  let samples: Sample[];
  let hero: any;

  beforeAll(async () => {
    hero = (await postGraphQL(server.url, HERO)).body;
    await postGraphQL(server.url, HERO);
    await postGraphQL(server.url, BAD_SIREN);
    // The third request of this key within a minute is refused before Apollo Server sees it.
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postGraphQL(server.url, `query Busy { regions { code } }`, { authorization: `Bearer ${limitedKey}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const res = await fetch(`${base()}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    samples = parseMetrics(await res.text());
  });

  it("counts requests and their latency by operation name and outcome", () => {
    expect(sampleValue(samples, "graphql_requests_total", { operation: "Hero", outcome: "success" })).toBe(2);
    expect(sampleValue(samples, "graphql_requests_total", { operation: "BadSiren", outcome: "client_error" })).toBe(1);
    expect(sampleValue(samples, "graphql_requests_total", { operation: "Busy", outcome: "success" })).toBe(2);
    expect(sampleValue(samples, "graphql_request_duration_seconds_count", { operation: "Hero", outcome: "success" })).toBe(2);
    expect(sampleValue(samples, "graphql_request_duration_seconds_bucket", { operation: "Hero", outcome: "success", le: "+Inf" })).toBe(2);
    expect(sampleValue(samples, "graphql_request_duration_seconds_sum", { operation: "Hero", outcome: "success" })).toBeGreaterThan(0);
    expect(sampleValue(samples, "graphql_requests_in_flight")).toBe(0);
  });

  it("records the SQL statements of each request, the same count the request's log line gives", () => {
    const heroLine = requestLines().find((l) => l.operation === "Hero")!;
    expect(heroLine.sqlStatements).toBeGreaterThan(0);
    expect(heroLine.sqlStatements).toBeLessThanOrEqual(6);
    expect(sampleValue(samples, "graphql_request_sql_statements_sum", { operation: "Hero" })).toBe(2 * heroLine.sqlStatements);
    expect(sampleValue(samples, "graphql_request_sql_statements_count", { operation: "Hero" })).toBe(2);
  });

  it("records DataLoader batch sizes by loader: one batch for all the zones rouges of the région", () => {
    const zones = hero.data.region.zonesRouges.length;
    expect(zones).toBeGreaterThan(15);
    expect(sampleValue(samples, "dataloader_batch_size_count", { loader: "initiative.byPlace" })).toBe(2);
    expect(sampleValue(samples, "dataloader_batch_size_sum", { loader: "initiative.byPlace" })).toBe(2 * zones);
    expect(sampleValue(samples, "dataloader_batch_size_bucket", { loader: "initiative.byPlace", le: "1" })).toBe(0);
  });

  it("shows the database pool", () => {
    expect(sampleValue(samples, "db_pool_max_connections")).toBe(TEST_ENGINE === "postgres" ? 10 : 1);
    expect(sampleValue(samples, "db_pool_connections", { state: "waiting" })).toBe(0);
    expect(sampleValue(samples, "db_pool_connections", { state: "idle" })).toBeGreaterThanOrEqual(1);
  });

  it("counts rate-limit rejections by the caller's organization", () => {
    expect(sampleValue(samples, "rate_limit_rejections_total", { organization: "mutualite-francaise" })).toBe(1);
  });

  (TEST_SCHEMA === "gateway" ? it : it.skip)("counts the gateway's operations by execution: ours run in one pass, without a subgraph fetch", () => {
    // Two heroes, one bad SIREN, two "Busy" queries (the third was refused before execution).
    expect(sampleValue(samples, "gateway_operations_total", { execution: "one-pass" })).toBe(5);
    expect(sampleValue(samples, "gateway_operations_total", { execution: "query-plan" })).toBeUndefined();
    expect(samples.filter((s) => s.name.startsWith("gateway_subgraph_fetch"))).toEqual([]);
  });

  it("includes the Node.js process metrics", () => {
    expect(samples.some((s) => s.name === "process_cpu_user_seconds_total")).toBe(true);
    expect(samples.some((s) => s.name === "nodejs_eventloop_lag_p99_seconds")).toBe(true);
  });
});

(TEST_SCHEMA === "gateway" ? describe : describe.skip)("a gateway whose subgraphs answer over HTTP (query plan)", () => {
  let remote: RemoteSubgraphs;
  let planned: RunningServer;
  let plannedMetrics: Metrics;
  let fetched: Sample[];

  beforeAll(async () => {
    remote = await startRemoteSubgraphs(database.db);
    plannedMetrics = new Metrics(database.db, { processMetrics: false });
    planned = await startServer({ db: database.db, mode: { kind: "gateway", config: remote.config }, port: 0, host: "127.0.0.1", metrics: plannedMetrics });
    await postGraphQL(planned.url, HERO);
    await postGraphQL(planned.url, BAD_SIREN);
    fetched = parseMetrics(await (await fetch(`${planned.url.replace(/\/graphql$/, "")}/metrics`)).text());
  });
  afterAll(async () => {
    await planned?.close();
    plannedMetrics?.close();
    await remote?.stop();
  });

  it("times each subgraph fetch and counts its errors by code", () => {
    // The hero's plan: territories, care-offer (with the zones' names and populations), then initiatives.
    expect(sampleValue(fetched, "gateway_operations_total", { execution: "query-plan" })).toBe(2);
    expect(sampleValue(fetched, "gateway_subgraph_fetch_duration_seconds_count", { subgraph: "territories", outcome: "success" })).toBe(1);
    expect(sampleValue(fetched, "gateway_subgraph_fetch_duration_seconds_count", { subgraph: "care-offer", outcome: "success" })).toBe(1);
    expect(sampleValue(fetched, "gateway_subgraph_fetch_duration_seconds_count", { subgraph: "initiatives", outcome: "success" })).toBe(1);
    expect(sampleValue(fetched, "gateway_subgraph_fetch_duration_seconds_count", { subgraph: "territories", outcome: "error" })).toBe(1);
    expect(sampleValue(fetched, "gateway_subgraph_fetch_errors_total", { subgraph: "territories", code: "BAD_USER_INPUT" })).toBe(1);
  });
});

describe("one JSON log line per request", () => {
  it("gives the operation, outcome, duration, SQL statement count and error codes", async () => {
    const before = requestLines().length;
    await postGraphQL(server.url, HERO);
    await postGraphQL(server.url, BAD_SIREN);
    const [hero, bad] = requestLines().slice(before);
    expect(Object.keys(hero).sort()).toEqual(
      ["durationMs", "errorCodes", "level", "method", "msg", "operation", "operationType", "outcome", "service", "sqlStatements", "status", "time"].sort(),
    );
    expect(hero).toMatchObject({ level: "info", service: "territoire-sante", msg: "request", method: "POST", status: 200, operation: "Hero", operationType: "query", outcome: "success", errorCodes: [] });
    expect(new Date(hero.time).toISOString()).toBe(hero.time);
    expect(hero.durationMs).toBeGreaterThan(0);
    expect(bad).toMatchObject({ operation: "BadSiren", outcome: "client_error", errorCodes: ["BAD_USER_INPUT"], sqlStatements: 0 });
  });

  it("names the caller's organization, and never logs the key, the query, its variables or the caller's address", async () => {
    const before = requestLines().length;
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${PARTNER_KEY}`, "user-agent": "Mozilla/5.0 Jeanne-Dupont" },
      body: JSON.stringify({ query: "query Search($text: String!) { searchTerritories(text: $text) { __typename } }", variables: { text: "Jeanne Dupont 12 rue des Lilas" } }),
    });
    expect(res.status).toBe(200);
    const [line] = requestLines().slice(before);
    expect(line).toMatchObject({ operation: "Search", organization: "mgen", outcome: "success" });
    const everything = rawLog.join("");
    for (const secret of [PARTNER_KEY, "Jeanne", "Lilas", "searchTerritories", "127.0.0.1", "Mozilla"]) expect(everything).not.toContain(secret);
  });

  it("logs requests refused before execution, with the GraphQL error code", async () => {
    const before = requestLines().length;
    await postGraphQL(server.url, "{ regions { nope } }");
    await postGraphQL(server.url, "{ regions ");
    const [invalid, unparsable] = requestLines().slice(before);
    expect(invalid).toMatchObject({ operation: "unknown", outcome: "client_error", errorCodes: ["GRAPHQL_VALIDATION_FAILED"] });
    expect(unparsable).toMatchObject({ operation: "unknown", outcome: "client_error", errorCodes: ["GRAPHQL_PARSE_FAILED"] });
  });
});

describe("health checks", () => {
  it("answers /healthz (liveness) with 200 while the process answers", async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz (readiness) only when the database answers, the schema is served and no shutdown is under way", async () => {
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", schema: "ok", shutdown: "no", load: { running: 0, queued: 0 } } });

    server.health.draining = true;
    const draining = await fetch(`${base()}/readyz`);
    server.health.draining = false;
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as any).checks.shutdown).toBe("draining");

    await database.db.close();
    const down = await fetch(`${base()}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "not ready", checks: { database: "unreachable", schema: "ok", shutdown: "no", load: { running: 0, queued: 0 } } });
    // Liveness asks no dependency: a database outage must not get a healthy process restarted.
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
  });
});
