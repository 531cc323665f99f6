import type { Database } from "../db/database";
import type { Logger } from "../observability/logger";
import type { RunningServer } from "./start-server";

/** What the shutdown listens to: the process, or a stand-in in tests. */
export interface ProcessEvents {
  once(event: "SIGTERM" | "SIGINT", listener: (signal: NodeJS.Signals) => void): unknown;
  on(event: "uncaughtException", listener: (error: Error) => void): unknown;
}

export interface GracefulShutdownOptions {
  running: Pick<RunningServer, "close" | "observer">;
  db: Pick<Database, "close">;
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
  /** Default: process. */
  events?: ProcessEvents;
}

/**
 * On SIGTERM or SIGINT, once: readiness turns 503, the listener closes (no new connection),
 * every request already received is answered (within `timeoutMs`), then the database is closed
 * and the process exits 0.
 *
 * An uncaught exception (or unhandled rejection) takes the same path and exits 1: the requests
 * other callers had in flight are answered instead of being cut. In a cluster the worker stops
 * receiving connections at once and the primary starts another when it exits; alone, the
 * supervisor restarts the process.
 */
export function shutdownOnSignals(options: GracefulShutdownOptions): void {
  const { running, db, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const events: ProcessEvents = options.events ?? process;
  let stopping = false;
  const shutdown = async (reason: NodeJS.Signals | "uncaughtException", code: 0 | 1) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    logger.info({ signal: reason, inFlight: running.observer.inFlight(), timeoutMs: options.timeoutMs }, "shutting down: no new connections, finishing requests in flight");
    setTimeout(() => {
      logger.error({ signal: reason }, "shutdown did not finish in time: exiting");
      exit(1);
    }, options.timeoutMs + 5000).unref();
    try {
      await running.close();
      await db.close();
      await options.onStopped?.();
      logger.info({ durationMs: Math.round(performance.now() - started), exitCode: code }, "stopped");
      await flushed(logger);
      exit(code);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      exit(1);
    }
  };
  events.once("SIGTERM", (signal) => void shutdown(signal, 0));
  events.once("SIGINT", (signal) => void shutdown(signal, 0));
  events.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, stopping ? "uncaught exception while shutting down" : "uncaught exception: the process drains, then exits 1");
    void shutdown("uncaughtException", 1);
  });
}

/**
 * Waits for the log's pending lines to be written (at most 1 s) before the process exits: pino
 * writes stdout asynchronously, and what is still in flight when `process.exit` runs is written
 * by its exit handler instead. A precaution: it did not explain a request's line seen after
 * "stopped" under load (tests/operations/process.test.ts).
 */
function flushed(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    // Not unref'd: the process must stay up to exit with its own code.
    const timer = setTimeout(resolve, 1000);
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
