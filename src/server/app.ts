import type { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import type { DataSource } from "typeorm";
import { createRequestContext, type RequestContext } from "../context/request-context";

export type { Executable } from "./apollo";
import { runWithSqlLog, SqlStatementLog } from "../db/sql-statement-log";
import { DEFAULT_LIMITS, type Limits } from "../config/limits";
import { poolWriter, type Writer } from "../db/writer";
import { createApollo, type Executable } from "./apollo";
import { EXAMPLE_QUERIES } from "./examples";
import { authenticateRequests, callerOf } from "./security/authenticate.middleware";
import { requestErrors } from "./security/request-errors.middleware";
import { rateLimit } from "./security/rate-limit.middleware";
import { tokenLimit } from "./security/token-limit.middleware";
import { graphiqlAssets, graphiqlPage } from "./graphiql";

export interface AppOptions {
  db: DataSource;
  executable: Executable;
  /** Runs write transactions. Default: transactions straight on `db` (see src/db/writer.ts for SQLite). */
  writer?: Writer;
  /** Abuse limits, introspection and GraphiQL switches. Default DEFAULT_LIMITS. */
  limits?: Limits;
  plugins?: ApolloServerPlugin<RequestContext>[];
  /** Where masked unexpected errors are reported. Default: stderr. */
  reportError?: (error: unknown) => void;
  /** Told about each rate-limit rejection (metrics). */
  onRateLimited?: (bucket: "key" | "anonymous") => void;
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
  const limits = options.limits ?? DEFAULT_LIMITS;
  const writer = options.writer ?? poolWriter(options.db);
  const apollo = await createApollo({ executable: options.executable, limits, reportError: report, plugins: options.plugins });

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
  app.use(
    "/graphql",
    sqlLogPerRequest(),
    authenticateRequests(options.db),
    rateLimit({ ...limits, onReject: options.onRateLimited }),
    express.json({ limit: limits.maxBodyBytes }),
    tokenLimit(limits.maxTokens),
    expressMiddleware(apollo, {
      context: async ({ res }) => createRequestContext(options.db, { caller: callerOf(res), writer }),
    }),
  );
  app.use(requestErrors(report));
  return { app, apollo, ready: () => options.db.isInitialized };
}
