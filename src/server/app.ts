import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express, { type Express } from "express";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { createRequestContext, type RequestContext } from "../context/request-context";
import { runWithSqlLog, SqlStatementLog } from "../db/sql-statement-log";
import { createFormatError } from "../errors/format-error";
import { type Logger, silentLogger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { observabilityPlugin } from "../observability/observability.plugin";
import { observeRequests, type RequestObserver } from "../observability/request-observer.middleware";
import { EXAMPLE_QUERIES } from "./examples";
import { graphiqlAssets, graphiqlPage } from "./graphiql";
import { type HealthState, healthRoutes } from "./health.routes";
import { delayRequests } from "./test-delay.middleware";

/** What executes operations: a schema (monolith, or one subgraph alone) or the federation gateway. */
export type Executable = { schema: GraphQLSchema } | { gateway: GatewayInterface };

export interface AppOptions {
  db: DataSource;
  executable: Executable;
  /** Serve GraphiQL on GET /graphql to browsers. Default true. */
  graphiql?: boolean;
  /** Allow introspection queries. Default true. */
  introspection?: boolean;
  plugins?: ApolloServerPlugin<RequestContext>[];
  /** Where masked unexpected errors are reported. Default: the logger, else stderr. */
  reportError?: (error: unknown) => void;
  /** Request log lines and server events. Default: none. */
  logger?: Logger;
  /** Prometheus metrics, served at /metrics. Default: none (metrics off). */
  metrics?: Metrics;
  /** Tests only: hold each GraphQL request this long before executing it. Default 0 (off). */
  testRequestDelayMs?: number;
}

export interface App {
  app: Express;
  apollo: ApolloServer<RequestContext>;
  /** True once the database answered and the schema is served. */
  ready: () => boolean;
  /** Readiness inputs; set `draining` when a shutdown begins. */
  health: HealthState;
  observer: RequestObserver;
}

/** Wraps every request in its own SQL statement log, so the logger can attribute statements. */
function sqlLogPerRequest(): express.RequestHandler {
  return (_req, _res, next) => runWithSqlLog(new SqlStatementLog(), next);
}

/** The HTTP application: /graphql (API and GraphiQL), /healthz, /readyz, /metrics. Call `apollo.start()` first (see startApp). */
export async function createApp(options: AppOptions): Promise<App> {
  const logger = options.logger ?? silentLogger;
  const report =
    options.reportError ??
    (options.logger
      ? (error: unknown) => logger.error({ err: error }, "unexpected error")
      : (error: unknown) => process.stderr.write(`unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`));
  const apollo = new ApolloServer<RequestContext>({
    ...options.executable,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(report),
    // Signals are handled once, by the server's graceful shutdown (graceful-shutdown.ts).
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<RequestContext>, observabilityPlugin(), ...(options.plugins ?? [])],
  });
  const health: HealthState = { schemaReady: false, draining: false };
  await apollo.start();
  health.schemaReady = true;
  const observer = observeRequests({ logger, metrics: options.metrics });

  const app = express();
  app.disable("x-powered-by");
  app.use(healthRoutes(options.db, health));
  if (options.metrics) app.get("/metrics", options.metrics.handler());
  if (options.graphiql ?? true) {
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
  app.use(
    "/graphql",
    sqlLogPerRequest(),
    observer.middleware,
    ...((options.testRequestDelayMs ?? 0) > 0 ? [delayRequests(options.testRequestDelayMs ?? 0)] : []),
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async () => createRequestContext(options.db),
    }),
  );
  return { app, apollo, ready: () => options.db.isInitialized, health, observer };
}
