import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry } from "prom-client";
import type { Logger } from "../../observability/logger";
import { isClusterMessage, METRICS_ANSWER, METRICS_REQUEST, WRITE } from "./messages";

export interface PrimaryOptions {
  /** Worker processes to keep running (each a whole server on the same port). */
  workers: number;
  logger: Logger;
  /** Runs once, before the first worker starts: seeding an empty database, which must not run twice at once. */
  prepare: () => Promise<void>;
  /** The workers' own drain bound; they get 10 s more before being killed. */
  shutdownTimeoutMs: number;
  /** A worker that dies within this many ms of its start counts as a crash loop. Default 10000. */
  quickCrashMs?: number;
  /** Consecutive quick crashes after which the primary gives up and exits 1. Default 5. */
  maxQuickCrashes?: number;
}

/**
 * The cluster's primary (node:cluster): it serves nothing itself. It prepares the database, forks
 * the workers, which share one listening port (the primary hands out connections round-robin),
 * restarts a worker that dies, relays writes and metrics between workers, and on SIGTERM or
 * SIGINT lets every worker drain before exiting. Resolves once every first worker listens.
 */
export async function runPrimary(options: PrimaryOptions): Promise<void> {
  const { logger } = options;
  const started = performance.now();
  await options.prepare();
  const aggregator = new AggregatorRegistry();
  const bornAt = new Map<number, number>();
  let quickCrashes = 0;
  let stopping = false;

  const fork = (): Worker => {
    const worker = cluster.fork();
    bornAt.set(worker.id, Date.now());
    return worker;
  };
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  cluster.on("message", (worker, message: unknown) => {
    if (isClusterMessage(message, WRITE)) {
      for (const other of workers()) if (other !== worker && other.isConnected()) other.send(message);
    } else if (isClusterMessage(message, METRICS_REQUEST)) {
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id: message.id, text }),
        (error: Error) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id: message.id, error: error.message }),
      );
    }
  });

  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    const stopStarted = performance.now();
    logger.info({ reason, workers: workers().length }, "shutting down: every worker finishes its requests in flight");
    const killer = setTimeout(() => {
      logger.error("workers did not stop in time: killing them");
      for (const worker of workers()) worker.process.kill("SIGKILL");
    }, options.shutdownTimeoutMs + 10_000).unref();
    let failed = false;
    await Promise.all(
      workers().map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", (exitCode, signal) => {
              // A worker still starting has no handler yet: SIGTERM ends it at once, which is fine.
              if (exitCode !== 0 && signal !== "SIGTERM") failed = true;
              resolve();
            });
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    clearTimeout(killer);
    logger.info({ durationMs: Math.round(performance.now() - stopStarted) }, "stopped");
    process.exit(failed ? 1 : code);
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (bornAt.get(worker.id) ?? 0);
    bornAt.delete(worker.id);
    quickCrashes = lived < (options.quickCrashMs ?? 10_000) ? quickCrashes + 1 : 0;
    if (quickCrashes >= (options.maxQuickCrashes ?? 5)) {
      logger.error({ worker: worker.id, code, signal, quickCrashes }, "workers keep dying right after they start: stopping");
      void stop("crash loop", 1);
      return;
    }
    logger.warn({ worker: worker.id, pid: worker.process.pid, code, signal, livedMs: lived }, "worker died: starting another");
    fork();
  });

  process.once("SIGTERM", () => void stop("SIGTERM", 0));
  process.once("SIGINT", () => void stop("SIGINT", 0));

  const address = await new Promise<{ port: number; address: string | null }>((resolve) => {
    let listening = 0;
    const onListening = (_worker: Worker, where: { port: number; address: string | null }) => {
      if (++listening < options.workers) return;
      cluster.off("listening", onListening);
      resolve(where);
    };
    cluster.on("listening", onListening);
    for (let i = 0; i < options.workers; i++) fork();
  });
  const host = address.address === null || address.address === "0.0.0.0" || address.address === "::" ? "localhost" : address.address;
  logger.info(
    { url: `http://${host}:${address.port}/graphql`, workers: options.workers, pids: workers().map((w) => w.process.pid), startupMs: Math.round(performance.now() - started) },
    "ready",
  );
}
