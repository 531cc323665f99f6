import type { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type Express } from "express";
import { authenticate } from "../auth/api-key.service";
import { type AccessOptions, DEFAULT_CONFIG, DEFAULT_LIMITS } from "../config/config";
import { findTrustedDocument } from "../auth/trusted-documents";
import type { Limits } from "../config/limits";
import { createRequestContext, type RequestContext } from "../context/request-context";
import { invalidatingWriter, poolWriter, type Writer } from "../db/writer";
import type { ResponseCache } from "../cache/response-cache";
import type { Batching } from "../loaders/shared/batch";
import { type Logger, silentLogger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { observabilityPlugin } from "../observability/observability.plugin";
import { observeRequests, type RequestObserver } from "../observability/request-observer.middleware";
import { createApollo, documentValidator, type Executable } from "./apollo";
import { EXAMPLE_QUERIES } from "./examples";
import { graphiqlAssets, graphiqlPage } from "./graphiql";
import { Admission } from "./graphql/admission";
import { createGraphQLHandler, isGraphQLPath } from "./graphql/graphql-handler";
import { type PipelineProfile, stepsFor } from "./graphql/pipeline-profile";
import { mapsRouter } from "./maps.router";
import { exportsRouter } from "./exports.router";
import { documentExportsRouter, type RunDocument } from "./document-exports.router";
import { embedRouter } from "./embed.router";
import { openapiRouter } from "./openapi.router";
import { type HealthState, healthRoutes } from "./health.routes";
import { authenticateRequests } from "./security/authenticate.middleware";
import { Cors } from "./security/cors";
import { createRateLimiter, rateLimit } from "./security/rate-limit.middleware";
import { requestErrors } from "./security/request-errors.middleware";
import { createTokenLimit } from "./security/token-limit";
import type { Database } from "../db/database";

export type { Executable } from "./apollo";

export interface AppOptions {
  db: Database;
  executable: Executable;
  /** Runs write transactions. Default: transactions straight on `db` (see src/db/writer.ts for SQLite). */
  writer?: Writer;
  /** Abuse limits, introspection and GraphiQL switches. Default DEFAULT_LIMITS. */
  limits?: Limits;
  plugins?: ApolloServerPlugin<RequestContext>[];
  /** Where masked unexpected errors are reported. Default: the logger, else stderr. */
  reportError?: (error: unknown) => void;
  /** Request log lines and server events. Default: none. */
  logger?: Logger;
  /** Prometheus metrics, served at /metrics. Default: none (metrics off). */
  metrics?: Metrics;
  /** Tests only: hold each GraphQL request this long before executing it. Default 0 (off). */
  testRequestDelayMs?: number;
  /** How the per-request loaders fetch. Default BATCHED; NAIVE only for the benchmark. */
  loaderBatching?: Batching;
  /** Serve anonymous read-only queries from this cache. Default: none. */
  responseCache?: ResponseCache;
  /** CORS and the caching of reads by document id. Default: CORS_ORIGINS, CORS_MAX_AGE, DOCUMENT_CACHE_MAX_AGE's defaults. */
  access?: AccessOptions;
  /** Which per-request steps /graphql runs (graphql/pipeline-profile.ts). Default "public": all of them. */
  pipeline?: PipelineProfile;
}

export interface App {
  /** What the HTTP server runs for each request: /graphql through the GraphQL pipeline, the rest through `app`. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Express: every route but /graphql (health, metrics, maps, GraphiQL's files). */
  app: Express;
  /** Only /healthz, /readyz and /metrics: what HEALTH_PORT serves. */
  probes: Express;
  apollo: ApolloServer<RequestContext>;
  /** True once the database answered and the schema is served. */
  ready: () => boolean;
  /** Readiness inputs; set `draining` when a shutdown begins. */
  health: HealthState;
  observer: RequestObserver;
}

/**
 * The HTTP application: /graphql (API and GraphiQL's page), /healthz, /readyz, /metrics, /maps.
 * On /graphql a request is observed (log line, metrics, span), authenticated, rate-limited,
 * size- and token-checked, answered from the response cache when it may be, else handed to
 * Apollo Server: src/server/graphql/graphql-handler.ts, the one pipeline.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const logger = options.logger ?? silentLogger;
  const report =
    options.reportError ??
    (options.logger
      ? (error: unknown) => logger.error({ err: error }, "unexpected error")
      : (error: unknown) => process.stderr.write(`unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const given = options.writer ?? poolWriter(options.db);
  const cache = options.responseCache;
  // Every committed write drops the cached answers, whichever service made it.
  const writer = cache ? invalidatingWriter(given, () => cache.invalidate()) : given;
  const admission = new Admission({
    maxConcurrent: limits.maxConcurrentOperations,
    maxQueued: limits.maxQueuedOperations,
    queueTimeoutMs: limits.queueTimeoutMs,
    onShed: (reason) => options.metrics?.requestsShed.inc({ reason }),
  });
  options.metrics?.watchAdmission(() => admission.state);
  const cacheHealth = cache?.store.health?.bind(cache.store);
  const health: HealthState = { schemaReady: false, draining: false, cache: cacheHealth, load: () => admission.state };
  const access = options.access ?? DEFAULT_CONFIG.access;
  const cors = new Cors(access);
  // Trusted documents are checked against the schema this process serves (subscribed before Apollo loads it).
  const validateDocument = documentValidator(options.executable);
  const apollo = await createApollo({
    executable: options.executable,
    limits,
    reportError: report,
    plugins: [observabilityPlugin(), ...(options.plugins ?? [])],
  });
  health.schemaReady = true;
  const observer = observeRequests({ logger, metrics: options.metrics });

  // Every GraphQL request takes the one pipeline of src/server/graphql/graphql-handler.ts, whatever
  // its form; a subgraph process behind a gateway leaves out the steps only a public endpoint needs.
  const steps = stepsFor(options.pipeline ?? "public", {
    rateLimit: createRateLimiter(limits),
    checkTokens: createTokenLimit(limits.maxTokens),
    graphiql: limits.graphiql,
  });
  const graphql = createGraphQLHandler({
    apollo,
    observer,
    cors,
    authenticate: (authorization) => authenticate(options.db, authorization),
    rateLimit: steps.rateLimit,
    findDocument: (caller, documentId) => findTrustedDocument(options.db, caller, documentId),
    documentMaxAgeSeconds: access.documentMaxAgeSeconds,
    checkTokens: steps.checkTokens,
    body: { maxBytes: limits.maxBodyBytes, timeoutMs: limits.bodyTimeoutMs, minBytesPerSecond: limits.bodyMinBytesPerSecond },
    admission,
    responseCache: options.responseCache,
    context: (caller, record) => createRequestContext(options.db, { caller, writer, batching: options.loaderBatching, record, validateDocument }),
    report,
    graphiqlPage: steps.graphiql ? () => graphiqlPage({ endpoint: "/graphql", examples: EXAMPLE_QUERIES }) : undefined,
    delayMs: options.testRequestDelayMs ?? 0,
  });

  // Express serves everything else: health, metrics, maps, exports, GraphiQL's files.
  const app = express();
  app.disable("x-powered-by");
  app.use(cors.middleware(report));
  const healthRouter = healthRoutes(options.db, health);
  app.use(healthRouter);
  if (options.metrics) app.get("/metrics", options.metrics.handler());
  // The same health checks and metrics, alone, for a port of their own (HEALTH_PORT).
  const probes = express();
  probes.disable("x-powered-by");
  probes.use(healthRouter);
  if (options.metrics) probes.get("/metrics", options.metrics.handler());
  // Maps are images anyone may embed: the same caller identification as /graphql, with their own per-minute budget.
  app.use("/maps", authenticateRequests(options.db, report), rateLimit(limits), mapsRouter(options.db, report));
  // Exports: the same identification and per-minute budget as the maps; /openapi.json describes them, the maps and health.
  // Any trusted document the caller may run, as a file: run as /graphql runs it for that caller.
  const runDocument: RunDocument = async (caller, query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createRequestContext(options.db, { caller, writer, batching: options.loaderBatching }) });
    if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors };
  };
  const exportsLimit = rateLimit(limits);
  app.use("/exports/documents", authenticateRequests(options.db, report), exportsLimit, documentExportsRouter(options.db, runDocument, report));
  app.use("/exports", authenticateRequests(options.db, report), exportsLimit, exportsRouter(options.db, report));
  app.use(openapiRouter());
  // The embeddable components and their demo page; their documents are registered as public first (docs/embed.md).
  app.use("/embed", await embedRouter({ db: options.db, writer, validate: validateDocument, report, logger }));
  if (steps.graphiql) app.use(graphiqlAssets());
  app.use(requestErrors(report));
  const handle = (req: IncomingMessage, res: ServerResponse) => (isGraphQLPath(req.url) ? graphql(req, res) : app(req, res));
  return { handle, app, probes, apollo, ready: () => options.db.isOpen, health, observer };
}
