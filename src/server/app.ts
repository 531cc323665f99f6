import type { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type Express } from "express";
import { authenticate } from "../auth/api-key.service";
import type { DataSource } from "typeorm";
import { DEFAULT_LIMITS } from "../config/config";
import type { Limits } from "../config/limits";
import { createRequestContext, type RequestContext } from "../context/request-context";
import { invalidatingWriter, poolWriter, type Writer } from "../db/writer";
import type { ResponseCache } from "../cache/response-cache";
import { responseCacheMiddleware } from "../cache/response-cache.middleware";
import type { Batching } from "../loaders/shared/batch";
import { type Logger, silentLogger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { observabilityPlugin } from "../observability/observability.plugin";
import { observeRequests, type RequestObserver } from "../observability/request-observer.middleware";
import type { RequestRecord } from "../context/request-record";
import { createApollo, type Executable } from "./apollo";
import { EXAMPLE_QUERIES } from "./examples";
import { graphiqlAssets, graphiqlPage } from "./graphiql";
import { graphqlPostHandler, isPlainGraphQLPost } from "./graphql-post";
import { mapsRouter } from "./maps.router";
import { exportsRouter } from "./exports.router";
import { openapiRouter } from "./openapi.router";
import { type HealthState, healthRoutes } from "./health.routes";
import { authenticateRequests, callerOf } from "./security/authenticate.middleware";
import { checkGraphQLRequest, refuseDeepJson } from "./security/graphql-request.middleware";
import { createRateLimiter, rateLimit } from "./security/rate-limit.middleware";
import { requestErrors } from "./security/request-errors.middleware";
import { createTokenLimit, tokenLimit } from "./security/token-limit.middleware";
import { delayRequests } from "./test-delay.middleware";

export type { Executable } from "./apollo";

export interface AppOptions {
  db: DataSource;
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
}

export interface App {
  /** What the HTTP server runs for each request: POST /graphql with a JSON body on the lean path, the rest through `app`. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Express: every route but the lean POST /graphql path (GET /graphql, GraphiQL, health, metrics, maps, odd bodies). */
  app: Express;
  apollo: ApolloServer<RequestContext>;
  /** True once the database answered and the schema is served. */
  ready: () => boolean;
  /** Readiness inputs; set `draining` when a shutdown begins. */
  health: HealthState;
  observer: RequestObserver;
}

/**
 * The HTTP application: /graphql (API and GraphiQL), /healthz, /readyz, /metrics. On /graphql a
 * request is observed (log line, metrics, span), authenticated, rate-limited, size- and
 * token-checked, answered from the response cache when it may be, else handed to Apollo Server.
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
  const health: HealthState = { schemaReady: false, draining: false };
  const apollo = await createApollo({
    executable: options.executable,
    limits,
    reportError: report,
    plugins: [observabilityPlugin(), ...(options.plugins ?? [])],
  });
  health.schemaReady = true;
  const observer = observeRequests({ logger, metrics: options.metrics });

  const app = express();
  app.disable("x-powered-by");
  app.use(healthRoutes(options.db, health));
  if (options.metrics) app.get("/metrics", options.metrics.handler());
  // Maps are images anyone may embed: the same caller identification and limits as /graphql, with their own per-minute budget.
  app.use("/maps", authenticateRequests(options.db, report), rateLimit(limits), mapsRouter(options.db, report));
  // Exports: the same identification and per-minute budget as the maps; /openapi.json describes them, the maps and health.
  app.use("/exports", authenticateRequests(options.db, report), rateLimit(limits), exportsRouter(options.db, report));
  app.use(openapiRouter());
  if (limits.graphiql) {
    app.use(graphiqlAssets());
    app.get("/graphql", (req, res, next) => {
      // Browsers get GraphiQL; API clients (GET queries) go on to Apollo Server.
      if (req.query.query === undefined && req.accepts(["text/html", "application/json"]) === "text/html") {
        res.type("text/html").send(graphiqlPage({ endpoint: "/graphql", examples: EXAMPLE_QUERIES }));
        return;
      }
      next();
    });
  }
  // One budget per caller and one token-count memo, whichever path (lean POST, or Express) a request takes.
  const graphqlRateLimiter = createRateLimiter(limits);
  const checkTokens = createTokenLimit(limits.maxTokens);
  const graphqlHandlers: express.RequestHandler[] = [
    observer.middleware,
    ...((options.testRequestDelayMs ?? 0) > 0 ? [delayRequests(options.testRequestDelayMs ?? 0)] : []),
    authenticateRequests(options.db, report),
    rateLimit(limits, graphqlRateLimiter),
    express.json({ limit: limits.maxBodyBytes, verify: refuseDeepJson }),
    checkGraphQLRequest(),
    tokenLimit(limits.maxTokens, checkTokens),
    ...(options.responseCache ? [responseCacheMiddleware(options.responseCache)] : []),
    expressMiddleware(apollo, {
      context: async ({ res }) => createRequestContext(options.db, { caller: callerOf(res), writer, batching: options.loaderBatching, record: res.locals.record as RequestRecord | undefined }),
    }),
  ];
  app.use("/graphql", ...graphqlHandlers);
  app.use(requestErrors(report));
  const graphqlPost = graphqlPostHandler({
    apollo,
    observer,
    authenticate: (authorization) => authenticate(options.db, authorization),
    rateLimit: graphqlRateLimiter,
    checkTokens,
    maxBodyBytes: limits.maxBodyBytes,
    responseCache: options.responseCache,
    context: (caller, record) => createRequestContext(options.db, { caller, writer, batching: options.loaderBatching, record }),
    report,
    delayMs: options.testRequestDelayMs ?? 0,
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => (isPlainGraphQLPost(req) ? graphqlPost(req, res) : app(req, res));
  return { handle, app, apollo, ready: () => options.db.isInitialized, health, observer };
}
