import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { onCacheSkip } from "../cache/cache-breaker";
import { poolStats } from "../db/pool-stats";
import { onGatewayExecution } from "../gateway/local-first";
import { onSubgraphFetch } from "../gateway/observed-data-source";
import { onLoaderBatch } from "../loaders/shared/batch";
import type { Database } from "../db/database";

export interface MetricsOptions {
  /**
   * Distinct operation names kept as label values; later new names are counted as "other", so
   * that clients sending ever-new names cannot blow up the series count. Default 200.
   */
  maxOperationNames?: number;
  /** Also collect Node.js process metrics (CPU, memory, event-loop lag, GC). Default true. */
  processMetrics?: boolean;
}

/** How a request ended, for alerting: server errors are ours (or a subgraph's), client errors the caller's. */
export type RequestOutcome = "success" | "client_error" | "server_error" | "aborted";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The Prometheus metrics of one server, in their own registry (two servers in one process,
 * as in tests, do not mix their counts). Served as text at /metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<"operation" | "outcome">;
  readonly requestDuration: Histogram<"operation" | "outcome">;
  readonly requestsInFlight: Gauge;
  readonly sqlStatements: Histogram<"operation">;
  readonly loaderBatchSize: Histogram<"loader">;
  readonly subgraphFetchDuration: Histogram<"subgraph" | "outcome">;
  readonly subgraphFetchErrors: Counter<"subgraph" | "code">;
  /** Operations the gateway ran, by how: in one pass (our subgraphs alone) or through the query plan (a partner's or a remote subgraph). */
  readonly gatewayOperations: Counter<"execution">;
  /** Requests refused by rate limiting (HTTP 429), by the caller's organization: counted by the request observer. */
  readonly rateLimitRejections: Counter<"organization">;
  /** Requests refused by load shedding (HTTP 503), by why: the queue was full, or the wait in it ran out. */
  readonly requestsShed: Counter<"reason">;
  /** Response-cache calls skipped (the answer came from the database, or was not kept), by operation and why. */
  readonly cacheSkips: Counter<"operation" | "reason">;
  /** Where the operations running and waiting are read from (src/server/graphql/admission.ts), once the server has one. */
  private admissionState: (() => { running: number; queued: number }) | undefined;
  private readonly operationNames = new Set<string>();
  private readonly maxOperationNames: number;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(db: Database, options: MetricsOptions = {}) {
    this.maxOperationNames = options.maxOperationNames ?? 200;
    const registers = [this.registry];
    this.requests = new Counter({ name: "graphql_requests_total", help: "GraphQL requests, by operation name and outcome.", labelNames: ["operation", "outcome"], registers });
    this.requestDuration = new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its last byte.",
      labelNames: ["operation", "outcome"],
      buckets: SECONDS,
      registers,
    });
    this.requestsInFlight = new Gauge({ name: "graphql_requests_in_flight", help: "GraphQL requests received and not yet answered.", registers });
    this.sqlStatements = new Histogram({
      name: "graphql_request_sql_statements",
      help: "SQL statements one GraphQL request issued (all subgraphs included, transaction control excluded).",
      labelNames: ["operation"],
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50, 100],
      registers,
    });
    this.loaderBatchSize = new Histogram({
      name: "dataloader_batch_size",
      help: "Keys per DataLoader batch (one SQL statement each), by loader.",
      labelNames: ["loader"],
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000, 25000],
      registers,
    });
    this.subgraphFetchDuration = new Histogram({
      name: "gateway_subgraph_fetch_duration_seconds",
      help: "Time the gateway waited for one subgraph fetch, by subgraph and outcome.",
      labelNames: ["subgraph", "outcome"],
      buckets: SECONDS,
      registers,
    });
    this.subgraphFetchErrors = new Counter({
      name: "gateway_subgraph_fetch_errors_total",
      help: "Subgraph fetches that failed or answered with errors, by subgraph and first error code.",
      labelNames: ["subgraph", "code"],
      registers,
    });
    this.gatewayOperations = new Counter({
      name: "gateway_operations_total",
      help: "Operations the gateway executed, by how: one-pass (only our in-process subgraphs answer them, no subgraph fetch) or query-plan (a partner's or a remote subgraph is involved: see gateway_subgraph_fetch_*).",
      labelNames: ["execution"],
      registers,
    });
    this.rateLimitRejections = new Counter({
      name: "rate_limit_rejections_total",
      help: "Requests refused by rate limiting, by the caller's organization.",
      labelNames: ["organization"],
      registers,
    });
    this.requestsShed = new Counter({
      name: "graphql_requests_shed_total",
      help: "GraphQL requests refused with 503 because the server was at capacity, by reason: queue_full (refused on arrival) or queue_timeout (waited the longest time allowed).",
      labelNames: ["reason"],
      registers,
    });
    this.cacheSkips = new Counter({
      name: "response_cache_skips_total",
      help: "Response-cache calls skipped, by operation (get: answered from the database; set: answer not kept) and reason (timeout, error, open: not asked while the circuit breaker is open).",
      labelNames: ["operation", "reason"],
      registers,
    });
    const admission = () => this.admissionState?.() ?? { running: 0, queued: 0 };
    new Gauge({
      name: "graphql_operations_running",
      help: "GraphQL operations executing now (at most MAX_CONCURRENT_OPERATIONS).",
      registers,
      collect() {
        this.set(admission().running);
      },
    });
    new Gauge({
      name: "graphql_operations_queued",
      help: "GraphQL operations waiting for their turn now (at most MAX_QUEUED_OPERATIONS).",
      registers,
      collect() {
        this.set(admission().queued);
      },
    });
    new Gauge({
      name: "db_pool_connections",
      help: "Database connections by state (in_use, idle) and callers waiting for one (waiting).",
      labelNames: ["state"],
      registers,
      collect() {
        const stats = poolStats(db);
        this.set({ state: "in_use" }, stats.inUse);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
    new Gauge({
      name: "db_pool_max_connections",
      help: "Connections the database pool may open.",
      registers,
      collect() {
        this.set(poolStats(db).max);
      },
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });

    this.unsubscribe.push(
      onLoaderBatch((loader, size) => this.loaderBatchSize.observe({ loader }, size)),
      onGatewayExecution((execution) => this.gatewayOperations.inc({ execution })),
      onCacheSkip((operation, reason) => this.cacheSkips.inc({ operation, reason })),
      onSubgraphFetch((fetch) => {
        this.subgraphFetchDuration.observe({ subgraph: fetch.subgraph, outcome: fetch.outcome }, fetch.durationSeconds);
        if (fetch.outcome !== "success") this.subgraphFetchErrors.inc({ subgraph: fetch.subgraph, code: fetch.errorCode ?? "UNKNOWN" });
      }),
    );
  }

  /** The label value for an operation name: the name itself while fewer than `maxOperationNames` are known. */
  operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= this.maxOperationNames) return "other";
    this.operationNames.add(name);
    return name;
  }

  /** Reads the operations running and queued from `state` (the server's admission) when scraped. */
  watchAdmission(state: () => { running: number; queued: number }): void {
    this.admissionState = state;
  }

  /** Records one answered request. */
  observeRequest(request: { operation: string; outcome: RequestOutcome; durationSeconds: number; sqlStatements?: number; rateLimitedOrganization?: string }): void {
    const operation = this.operationLabel(request.operation);
    this.requests.inc({ operation, outcome: request.outcome });
    this.requestDuration.observe({ operation, outcome: request.outcome }, request.durationSeconds);
    if (request.sqlStatements !== undefined) this.sqlStatements.observe({ operation }, request.sqlStatements);
    if (request.rateLimitedOrganization !== undefined) this.rateLimitRejections.inc({ organization: request.rateLimitedOrganization });
  }

  /** GET /metrics, in Prometheus' text format. */
  handler(): RequestHandler {
    return async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }

  /** Stops listening to loaders and subgraph fetches (the server is stopping). */
  close(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
  }
}
