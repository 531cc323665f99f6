import type { RequestHandler } from "express";
import { AggregatorRegistry } from "prom-client";
import { Metrics, type MetricsOptions } from "../../observability/metrics";
import type { AfterCommit } from "../../db/writer";
import { type ClusterMessage, isClusterMessage, METRICS_ANSWER, METRICS_REQUEST, WRITE } from "./messages";
import type { Database } from "../../db/database";

/** How long a worker waits for the primary's gathered metrics before answering 503. */
const METRICS_TIMEOUT_MS = 6000;

function send(message: ClusterMessage): void {
  process.send?.(message);
}

/**
 * The metrics of one cluster worker. Its series carry a `worker` label (the cluster's worker
 * id), and GET /metrics, whichever worker receives it, answers with every worker's series,
 * gathered by the primary through prom-client's AggregatorRegistry: one scrape sees the whole
 * machine, and a sum over `worker` gives the totals.
 */
export class ClusterWorkerMetrics extends Metrics {
  private nextRequest = 0;

  constructor(db: Database, workerId: number, options: MetricsOptions = {}) {
    super(db, options);
    this.registry.setDefaultLabels({ worker: String(workerId) });
    // prom-client answers the primary's requests from the registries named here; creating an
    // AggregatorRegistry installs that listener in a worker.
    AggregatorRegistry.setRegistries([this.registry]);
    new AggregatorRegistry();
  }

  override handler(): RequestHandler {
    return async (_req, res) => {
      try {
        res.type(this.registry.contentType).send(await this.fromPrimary());
      } catch (error) {
        res.status(503).type("text/plain").send(`metrics unavailable: ${(error as Error).message}\n`);
      }
    };
  }

  private fromPrimary(): Promise<string> {
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error("the cluster's primary did not answer")), METRICS_TIMEOUT_MS);
      const onMessage = (message: unknown) => {
        if (!isClusterMessage(message, METRICS_ANSWER) || message.id !== id) return;
        finish(message.error === undefined ? null : new Error(message.error), message.text ?? "");
      };
      const finish = (error: Error | null, text = "") => {
        clearTimeout(timer);
        process.off("message", onMessage);
        if (error) reject(error);
        else resolve(text);
      };
      process.on("message", onMessage);
      send({ type: METRICS_REQUEST, id });
    });
  }
}

/**
 * Every write committed by this worker is told to the primary, which tells the other workers:
 * they drop their in-memory cached answers as this worker does (with REDIS_URL the shared
 * answers are dropped once more, harmlessly). `invalidate` drops this worker's cache; the
 * returned `afterCommit` goes to the worker's writer (src/db/writer.ts invalidatingWriter), and
 * `stop` stops relaying.
 */
export function relayWritesBetweenWorkers(invalidate: () => Promise<void>): { afterCommit: AfterCommit; stop: () => void } {
  const onMessage = (message: unknown) => {
    if (isClusterMessage(message, WRITE)) void invalidate();
  };
  process.on("message", onMessage);
  return {
    afterCommit: async () => send({ type: WRITE }),
    stop: () => process.off("message", onMessage),
  };
}
