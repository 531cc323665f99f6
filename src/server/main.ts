import "reflect-metadata";
import cluster from "node:cluster";
import { parseCliArgs } from "../config/cli-args";
import { loadConfig } from "../config/config";
import { openDatabase } from "../db/database";
import { invalidatingWriter, openWriter } from "../db/writer";
import { createResponseCache, describeResponseCache } from "../cache/response-cache";
import { BATCHED, NAIVE } from "../loaders/shared/batch";
import { ConfigError } from "../errors/errors";
import { CompositionError } from "../gateway/compose";
import { SubgraphUnreachableError } from "../gateway/create-gateway";
import { createLogger } from "../observability/logger";
import { Metrics } from "../observability/metrics";
import { startTracing } from "../observability/tracing";
import { seedIfEmpty } from "../../seeds/seed";
import { UnknownSubgraphError, type ServeMode } from "./executable";
import { shutdownOnSignals } from "./graceful-shutdown";
import { startServer } from "./start-server";
import { runPrimary } from "./cluster/primary";
import { ClusterWorkerMetrics, relayWritesBetweenWorkers } from "./cluster/worker";

/** Errors that mean "fix your configuration": one clear line per problem, no stack. */
const CONFIGURATION_ERRORS = [ConfigError, CompositionError, SubgraphUnreachableError, UnknownSubgraphError];

async function main(): Promise<void> {
  const started = performance.now();
  const args = parseCliArgs(process.argv.slice(2));
  // Command-line options override the environment: they are read as the same variables.
  const config = loadConfig({
    ...process.env,
    ...(args.port !== undefined && { PORT: String(args.port) }),
    ...(args.gatewayConfig !== undefined && { GATEWAY_CONFIG: args.gatewayConfig }),
  });
  const workers = args.workers ?? config.workers;
  if (workers > 1 && cluster.isPrimary) {
    const primaryLogger = createLogger({ level: config.logLevel }).child({ role: "primary" });
    // Seeding once, before any worker opens the database: two seeds at once would collide.
    const prepare = async () => {
      const db = await openDatabase(config.database, config.databaseTuning);
      try {
        await seedIfEmpty(db.dataSource, (line) => primaryLogger.info(line.trim()));
      } finally {
        await db.close();
      }
    };
    return runPrimary({ workers, logger: primaryLogger, prepare, shutdownTimeoutMs: config.shutdownTimeoutMs });
  }
  const workerId = cluster.isWorker ? cluster.worker?.id : undefined;
  const logger = workerId === undefined ? createLogger({ level: config.logLevel }) : createLogger({ level: config.logLevel }).child({ worker: workerId, pid: process.pid });
  const tracing = config.tracing.enabled ? startTracing(config.tracing) : undefined;
  const mode: ServeMode = args.subgraph
    ? { kind: "subgraph", name: args.subgraph }
    : args.monolith
      ? { kind: "monolith" }
      : { kind: "gateway", config: config.gateway };
  const db = await openDatabase(config.database, config.databaseTuning);
  await seedIfEmpty(db.dataSource, (line) => logger.info(line.trim()));
  const responseCache = config.responseCache ? createResponseCache(config.responseCache) : undefined;
  const opened = await openWriter(db, config.database);
  // In a cluster, the other workers hear of each commit too (the app's writer drops this worker's cache).
  const relay = workerId !== undefined ? relayWritesBetweenWorkers(async () => responseCache?.invalidate()) : undefined;
  const writer = relay ? invalidatingWriter(opened, relay.afterCommit) : opened;
  const metrics = config.metricsEnabled ? (workerId === undefined ? new Metrics(db) : new ClusterWorkerMetrics(db, workerId)) : undefined;
  const running = await startServer({
    db,
    writer,
    limits: config.limits,
    mode,
    port: config.port,
    host: config.host,
    logger,
    metrics,
    keepAliveTimeoutMs: config.keepAliveTimeoutMs,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    testRequestDelayMs: config.testRequestDelayMs,
    loaderBatching: config.loaderBatching === "off" ? NAIVE : BATCHED,
    leanResolvers: config.leanResolvers === "on",
    access: config.access,
    responseCache,
  });
  shutdownOnSignals({
    running,
    db,
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    onStopped: async () => {
      await writer.close();
      await responseCache?.close();
      metrics?.close();
      await tracing?.shutdown();
    },
  });
  logger.info(
    {
      url: running.url,
      serving: running.description,
      resolvers: running.resolvers,
      startupMs: Math.round(performance.now() - started),
      metrics: Boolean(metrics),
      tracing: Boolean(tracing),
      responseCache: describeResponseCache(config.responseCache),
    },
    // In a cluster the primary says "ready" once every worker listens.
    workerId === undefined ? "ready" : "worker ready",
  );
}

main().catch((error: unknown) => {
  const expected = CONFIGURATION_ERRORS.some((type) => error instanceof type);
  const lines = expected ? (error as Error).message.split("\n") : [error instanceof Error ? (error.stack ?? error.message) : String(error)];
  process.stderr.write(lines.map((line) => `start-up failed: ${line}\n`).join(""));
  process.exit(1);
});
