import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { startTracing, type Tracing } from "../../src/observability/tracing";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { postGraphQL } from "../support/processes";
import { type RemoteSubgraphs, startRemoteSubgraphs } from "../support/remote-subgraphs";
import { TEST_SCHEMA } from "../support/test-api";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../support/test-database";

const HERO = `query Hero { region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;

let database: TestDatabase;
let server: RunningServer;
let tracing: Tracing;
const exporter = new InMemorySpanExporter();

beforeAll(async () => {
  // Seeding happens before tracing starts; statements outside a request get no span anyway.
  database = await createTestDatabase();
  tracing = startTracing({ exporter, exportEachSpan: true });
  server = await startServer({
    db: database.db,
    mode: TEST_SCHEMA === "monolith" ? { kind: "monolith" } : { kind: "gateway" },
    port: 0,
    host: "127.0.0.1",
  });
});
afterAll(async () => {
  await server?.close();
  await tracing?.shutdown();
  await database?.drop();
});

/** The request span ends when the response is handed to the socket, which may come just after the client has read it. */
async function spansOfOneRequest(query: string): Promise<{ spans: ReadableSpan[]; body: any }> {
  exporter.reset();
  const { body } = await postGraphQL(server.url, query);
  for (let turn = 0; turn < 1000 && !exporter.getFinishedSpans().some((s) => s.kind === SpanKind.SERVER); turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { spans: exporter.getFinishedSpans(), body };
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("OpenTelemetry tracing (in-memory exporter)", () => {
  let spans: ReadableSpan[];
  let body: any;
  beforeAll(async () => {
    await postGraphQL(server.url, HERO); // warm-up: plan cached, nothing else differs
    ({ spans, body } = await spansOfOneRequest(HERO));
  });
  const roots = () => spans.find((s) => parentOf(s) === undefined)!;
  const named = (prefix: string) => spans.filter((s) => s.name.startsWith(prefix));
  const byId = () => new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const ancestors = (span: ReadableSpan): ReadableSpan[] => {
    const index = byId();
    const chain: ReadableSpan[] = [];
    for (let parent = index.get(parentOf(span) ?? ""); parent; parent = index.get(parentOf(parent) ?? "")) chain.push(parent);
    return chain;
  };

  it("gives the hero query one trace, rooted in the request's server span", () => {
    expect(body.errors).toBeUndefined();
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    const roots = spans.filter((s) => parentOf(s) === undefined);
    expect(roots.map((s) => s.name)).toEqual(["POST /graphql"]);
    expect(roots[0].kind).toBe(SpanKind.SERVER);
    expect(roots[0].attributes).toMatchObject({ "graphql.operation.name": "Hero", "graphql.operation.type": "query", "http.response.status_code": 200 });
    for (const span of spans.filter((s) => s !== roots[0])) expect(ancestors(span).at(-1)).toBe(roots[0]);
  });

  it("has one span per SQL statement, without the bound values", () => {
    const sqlSpans = spans.filter((s) => s.attributes["db.system.name"] !== undefined);
    expect(sqlSpans.length).toBe(roots().attributes["db.statement.count"]);
    expect(sqlSpans.length).toBe(3); // the hero query: région, zones rouges, initiatives with their carriers
    for (const span of sqlSpans) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.name).toMatch(/^SELECT \w+/);
      expect(span.attributes["db.system.name"]).toBe(TEST_ENGINE === "postgres" ? "postgresql" : "sqlite");
      expect(span.attributes["db.query.text"]).not.toMatch(/'76'|\b76\b/);
    }
  });
  it("hangs the SQL spans under the request's span: our subgraphs answer in one pass, without a query plan or a subgraph fetch", () => {
    const index = byId();
    for (const sql of spans.filter((s) => s.attributes["db.system.name"] !== undefined)) expect(index.get(parentOf(sql)!)!.name).toBe("POST /graphql");
    expect(named("gateway.")).toEqual([]);
  });

  it("joins the caller's trace when the request carries a traceparent header", async () => {
    exporter.reset();
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: '{ region(code: "76") { name } }' }),
    });
    for (let turn = 0; turn < 1000 && !exporter.getFinishedSpans().some((s) => s.kind === SpanKind.SERVER); turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const server_ = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER)!;
    expect(server_.spanContext().traceId).toBe(traceId);
    expect(parentOf(server_)).toBe("00f067aa0ba902b7");
  });
});

(TEST_SCHEMA === "gateway" ? describe : describe.skip)("a gateway whose subgraphs answer over HTTP: the query plan's spans", () => {
  let remote: RemoteSubgraphs;
  let planned: RunningServer;
  let spans: ReadableSpan[];
  let body: any;

  beforeAll(async () => {
    remote = await startRemoteSubgraphs(database.db);
    planned = await startServer({ db: database.db, mode: { kind: "gateway", config: remote.config }, port: 0, host: "127.0.0.1" });
    await postGraphQL(planned.url, HERO); // warm-up: plan cached
    exporter.reset();
    ({ body } = await postGraphQL(planned.url, HERO));
    // Four subgraph requests and the gateway's own: wait for their five server spans.
    for (let turn = 0; turn < 5000 && exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER).length < 5; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    spans = exporter.getFinishedSpans();
  });
  afterAll(async () => {
    await planned?.close();
    await remote?.stop();
  });

  it("gives the request one trace: a span per subgraph fetch, each subgraph's request under its fetch, the SQL spans under the subgraph that ran them", () => {
    expect(body.errors).toBeUndefined();
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    const index = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (span: ReadableSpan): ReadableSpan[] => {
      const chain: ReadableSpan[] = [];
      for (let parent = index.get(parentOf(span) ?? ""); parent; parent = index.get(parentOf(parent) ?? "")) chain.push(parent);
      return chain;
    };
    const root = spans.filter((s) => parentOf(s) === undefined);
    expect(root.map((s) => s.name)).toEqual(["POST /graphql"]);
    for (const name of ["gateway.request", "gateway.validate", "gateway.execute", "gateway.postprocessing"]) expect(spans.filter((s) => s.name === name)).toHaveLength(1);
    const fetches = spans.filter((s) => s.name === "gateway.fetch");
    // care-offer provides the zones' names and populations (@provides): no fetch back to territories.
    expect(fetches.map((s) => s.attributes.service).sort()).toEqual(["care-offer", "initiatives", "territories"]);
    const subgraphRequests = spans.filter((s) => s.kind === SpanKind.SERVER && s !== root[0]);
    expect(subgraphRequests).toHaveLength(3);
    for (const request of subgraphRequests) expect(ancestors(request).map((s) => s.name)).toContain("gateway.fetch");
    const sqlSpans = spans.filter((s) => s.attributes["db.system.name"] !== undefined);
    expect(sqlSpans.length).toBeGreaterThanOrEqual(3);
    for (const sql of sqlSpans) expect(subgraphRequests).toContain(index.get(parentOf(sql)!));
  });
});
