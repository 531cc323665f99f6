import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express, { type Express } from "express";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { createRequestContext, type RequestContext } from "../context/request-context";
import { runWithSqlLog, SqlStatementLog } from "../db/sql-statement-log";
import type { Batching } from "../loaders/batch";
import type { ResponseCache } from "../cache/response-cache";
import { responseCacheMiddleware } from "../cache/response-cache.middleware";
import { createFormatError } from "../errors/format-error";
import { EXAMPLE_QUERIES } from "./examples";
import { graphiqlAssets, graphiqlPage } from "./graphiql";

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
  /** Where masked unexpected errors are reported. Default: stderr. */
  reportError?: (error: unknown) => void;
  /** How the per-request loaders fetch. Default BATCHED; NAIVE only for the benchmark. */
  loaderBatching?: Batching;
  /** Serve anonymous read-only queries from this cache. Default: none. */
  responseCache?: ResponseCache;
}

export interface App {
  app: Express;
  apollo: ApolloServer<RequestContext>;
  /** True once the database answered and the schema is served. */
  ready: () => boolean;
}

/** Wraps every request in its own SQL statement log, so the logger can attribute statements. */
function sqlLogPerRequest(): express.RequestHandler {
  return (_req, _res, next) => runWithSqlLog(new SqlStatementLog(), next);
}

/** The HTTP application: /graphql (API and GraphiQL), /healthz. Call `apollo.start()` first (see startApp). */
export async function createApp(options: AppOptions): Promise<App> {
  const report = options.reportError ?? ((error: unknown) => process.stderr.write(`unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`));
  const apollo = new ApolloServer<RequestContext>({
    ...options.executable,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(report),
    plugins: [
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<RequestContext>,
      // No cache hints are used (the response cache is ours): spare the per-field hook on every resolver.
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<RequestContext>,
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", async (_req, res) => {
    try {
      await options.db.query("SELECT 1");
      res.status(200).json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });
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
    express.json({ limit: "100kb" }),
    ...(options.responseCache ? [responseCacheMiddleware(options.responseCache)] : []),
    expressMiddleware(apollo, {
      context: async () => createRequestContext(options.db, options.loaderBatching),
    }),
  );
  return { app, apollo, ready: () => options.db.isInitialized };
}
