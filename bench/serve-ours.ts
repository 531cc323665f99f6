import "reflect-metadata";
import { createResponseCache } from "../src/cache/response-cache";
import { RedisStore } from "../src/cache/response-cache.store";
import { loadConfig } from "../src/config/config";
import { openDatabase } from "../src/db/database";
import { openWriter } from "../src/db/writer";
import { createLogger } from "../src/observability/logger";
import { Metrics } from "../src/observability/metrics";
import { onSqlStatement } from "../src/db/sql-statement-log";
import { BATCHED, NAIVE } from "../src/loaders/shared/batch";
import { ALL_SUBGRAPHS } from "../src/schema/subgraphs";
import { startServer } from "../src/server/start-server";

/**
 * One of our contenders, as `npm start` serves it (same environment variables), plus
 * GET /bench/sql-statements: how many SQL statements the process has issued so far, which the
 * bench reads before and after a request to count that request's statements.
 * BENCH_MODE: "gateway" (default), "gateway-http" (subgraphs over HTTP) or "monolith".
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config.database, config.databaseTuning);
  const responseCache = config.responseCache ? createResponseCache(config.responseCache) : undefined;
  if (responseCache?.store instanceof RedisStore) await responseCache.store.ready();
  let statements = 0;
  onSqlStatement(() => {
    statements++;
  });
  // gateway-http: the three subgraphs behind the gateway over HTTP (as on other machines), here
  // in the same process on loopback, to measure what the hop costs.
  const subgraphs =
    process.env.BENCH_MODE === "gateway-http"
      ? await Promise.all(
          ALL_SUBGRAPHS.map((s) => startServer({ db, mode: { kind: "subgraph", name: s.name }, port: 0, host: "127.0.0.1", limits: config.limits, responseCache: undefined })),
        )
      : [];
  const gatewayConfig = { subgraphs: Object.fromEntries(subgraphs.map((s, i) => [ALL_SUBGRAPHS[i].name, { url: s.url }])), partners: [] };
  const running = await startServer({
    db,
    mode: process.env.BENCH_MODE === "monolith" ? { kind: "monolith" } : { kind: "gateway", config: gatewayConfig },
    port: config.port,
    host: "127.0.0.1",
    // As `npm start` runs it: the limits (the bench raises the rate limits), metrics on, logs at LOG_LEVEL.
    limits: config.limits,
    keepAliveTimeoutMs: config.keepAliveTimeoutMs,
    metrics: config.metricsEnabled ? new Metrics(db) : undefined,
    logger: createLogger({ level: config.logLevel }),
    writer: await openWriter(db, config.database),
    loaderBatching: config.loaderBatching === "off" ? NAIVE : BATCHED,
    responseCache,
  });
  running.app.get("/bench/sql-statements", (_req, res) => {
    res.json({ statements });
  });
  process.stdout.write(`ready on ${running.url}\n`);
  const stop = async () => {
    await running.close();
    for (const subgraph of subgraphs) await subgraph.close();
    await responseCache?.close();
    await db.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
