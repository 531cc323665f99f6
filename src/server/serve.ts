import { createResponseCache, describeResponseCache } from "../cache/response-cache";
import type { AppConfig } from "../config/config";
import type { Database } from "../db/database";
import { invalidatingWriter, openWriter } from "../db/writer";
import { BATCHED, NAIVE } from "../loaders/shared/batch";
import type { Logger } from "../observability/logger";
import { Metrics } from "../observability/metrics";
import { startTracing } from "../observability/tracing";
import { ClusterWorkerMetrics, relayWritesBetweenWorkers } from "./cluster/worker";
import type { ServeMode } from "./executable";
import { shutdownOnSignals } from "./graceful-shutdown";
import { listen, type Listener } from "./listen";
import { startServer } from "./start-server";

export interface ServeOptions {
  config: AppConfig;
  mode: ServeMode;
  /** The database, opened (and seeded) by `main`. */
  db: Database;
  logger: Logger;
  /** The port, bound by `main` before the database was opened; none in a cluster's worker (it listens once ready). */
  listener: Listener | undefined;
  /** HEALTH_PORT, bound likewise when it is set. */
  healthListener: Listener | undefined;
  /** The cluster worker's id; undefined when the process serves alone. */
  workerId: number | undefined;
  /** When the process started (performance.now()), for the "ready" line. */
  started: number;
}

/**
 * Everything a server process runs once its port is bound and its database open: tracing, the
 * response cache, the writer, metrics, the HTTP server and its shutdown. Loaded by `main` only
 * then (a dynamic import): a start that fails on its settings, its port or its database says so
 * without first loading Apollo, the gateway and the schema (about 2 s of CPU here).
 */
export async function serve(options: ServeOptions): Promise<void> {
  const { config, db, logger, workerId } = options;
  const tracing = config.tracing.enabled ? startTracing(config.tracing) : undefined;
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
    mode: options.mode,
    port: config.port,
    host: config.host,
    listener: options.listener,
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
  // Probes and scrapers on a port of their own: a flood of connections to the API's port does not delay them.
  const health = options.healthListener ?? (config.healthPort !== undefined ? await listen(config.healthPort, config.host, undefined, "HEALTH_PORT") : undefined);
  health?.serve(running.probes);
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
      ...(health && { healthPort: health.port }),
      serving: running.description,
      resolvers: running.resolvers,
      startupMs: Math.round(performance.now() - options.started),
      metrics: Boolean(metrics),
      tracing: Boolean(tracing),
      responseCache: describeResponseCache(config.responseCache),
    },
    // In a cluster the primary says "ready" once every worker listens.
    workerId === undefined ? "ready" : "worker ready",
  );
}
