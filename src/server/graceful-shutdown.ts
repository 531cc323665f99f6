import type { DataSource } from "typeorm";
import type { Logger } from "../observability/logger";
import type { RunningServer } from "./start-server";

export interface GracefulShutdownOptions {
  running: RunningServer;
  db: DataSource;
  logger: Logger;
  /** Also stopped, after the database (e.g. tracing, which exports its last spans). */
  onStopped?: () => Promise<void>;
  /**
   * The bound given to in-flight requests (the server's `shutdownTimeoutMs`). Past it plus
   * 5 s of teardown, the process exits with code 1 whatever is still pending.
   */
  timeoutMs: number;
  /** Default: process.exit. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT, once: readiness turns 503, the listener closes (no new connection),
 * every request already received is answered (within `timeoutMs`), then the database is closed
 * and the process exits 0.
 */
export function shutdownOnSignals(options: GracefulShutdownOptions): void {
  const { running, db, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    logger.info({ signal, inFlight: running.observer.inFlight(), timeoutMs: options.timeoutMs }, "shutting down: no new connections, finishing requests in flight");
    setTimeout(() => {
      logger.error({ signal }, "shutdown did not finish in time: exiting");
      exit(1);
    }, options.timeoutMs + 5000).unref();
    try {
      await running.close();
      await db.destroy();
      await options.onStopped?.();
      logger.info({ durationMs: Math.round(performance.now() - started) }, "stopped");
      exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      exit(1);
    }
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
