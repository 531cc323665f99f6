import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Reader } from "../reader";
import { TurnBatch } from "../turn-batch";
import { DatabaseTimeoutError } from "../../errors/errors";
import { type ReadErrorLog, recorded } from "./recorded";
import { MAX_PREPARED_SQLITE, type SqliteMainReader, sqliteParams } from "./sqlite-main.reader";

/** One read sent to the worker: its id, statement text and bound parameters. */
type Read = [id: number, text: string, params: unknown[]];
/** The worker's answer to one read: its rows, or the error's message and SQLite code. */
type Answer = [id: number, rows: unknown[] | null, message?: string, code?: string];

interface Waiting {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
  /** When the read fails if the worker has not answered it (performance.now()). */
  deadline: number;
}

/** A read the worker refused: SQLite's message and code (e.g. SQLITE_ERROR), as better-sqlite3 raises them. */
export class SqliteReadError extends Error {
  override name = "SqliteError";
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The thread's program: `.cts` when the tests run the sources, `.cjs` once built. */
const THREAD_FILE = path.join(__dirname, `sqlite-read.worker${path.extname(__filename) === ".ts" ? ".cts" : ".cjs"}`);

/**
 * Reads on an SQLite file answered by a worker thread with its own read-only connection
 * (src/db/readers/sqlite-read.worker.cts), so that the statements run beside the event loop
 * instead of on it (better-sqlite3 is synchronous): the shape PostgreSQL's reads already have,
 * where the database works in other processes.
 *
 * Why: a hero request spent about a quarter of its main-thread CPU inside better-sqlite3
 * (bench/profile.md). The reads of one event-loop turn leave in one message and come back in
 * one (TurnBatch), so many requests' statements share the cost of a message. In WAL mode the
 * worker's connection sees every committed write, and never a write in progress (writes have
 * their own connection: src/db/writer.ts). Should the thread stop, reads go to `fallback`.
 */
export class SqliteWorkerReader implements Reader {
  readonly engine = "sqlite";
  readonly kind = "sqlite-worker";
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly batch = new TurnBatch<Read>((reads) => this.send(reads));
  private nextId = 0;
  private failure: Error | undefined;
  /** Armed while reads wait: fails those the worker has not answered within `timeoutMs`. */
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    file: string,
    private readonly fallback: SqliteMainReader,
    private readonly logError: ReadErrorLog,
    /** How long a read waits for the worker's answer (DATABASE_QUERY_TIMEOUT_MS): a statement stuck on a lock, a thread stuck on a long read. */
    private readonly timeoutMs: number,
  ) {
    this.worker = new Worker(THREAD_FILE, { workerData: { path: file, maxPrepared: MAX_PREPARED_SQLITE, busyTimeoutMs: 5000 } });
    // The worker keeps the process alive only while reads wait for it.
    this.worker.unref();
    this.worker.on("message", (answers: Answer[]) => this.settle(answers));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => this.fail(new Error("the SQLite read worker stopped")));
  }

  /** False once the thread has stopped or failed: reads then go to the main connection. */
  get usable(): boolean {
    return this.failure === undefined;
  }

  read<T>(text: string, params: unknown[]): T[] | Promise<T[]> {
    if (this.failure) return this.fallback.read<T>(text, params);
    return recorded(this.engine, this.logError, text, params, () => this.ask<T>(text, sqliteParams(params)));
  }

  /**
   * The file answers on the main connection: the thread's backlog under load is not the
   * database's state, and a thread that stops answering fails its reads within the deadline.
   */
  ping(): Promise<void> {
    return this.fallback.ping();
  }

  /** Stops the thread; reads still waiting fail. */
  async close(): Promise<void> {
    this.fail(new Error("the database connection is closed"));
    await this.worker.terminate();
    await this.fallback.close();
  }

  private ask<T>(text: string, params: unknown[]): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      const id = this.nextId++;
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve: resolve as (rows: unknown[]) => void, reject, deadline: performance.now() + this.timeoutMs });
      this.watchdog ??= setTimeout(() => this.expire(), this.timeoutMs).unref();
      this.batch.add([id, text, params]);
    });
  }

  /** Sends a turn's reads in one message. */
  private send(reads: Read[]): void {
    if (this.failure) return;
    try {
      this.worker.postMessage(reads);
    } catch {
      // A parameter that cannot be copied to the thread (a function…): try each read alone, so that only the culprit fails.
      for (const read of reads) {
        try {
          this.worker.postMessage([read]);
        } catch (error) {
          this.settle([[read[0], null, `a parameter cannot be sent to the SQLite read worker: ${(error as Error).message}`, "ERR_INVALID_PARAMETER"]]);
        }
      }
    }
  }

  private settle(answers: Answer[]): void {
    for (const [id, rows, message, code] of answers) {
      const waiting = this.waiting.get(id);
      if (!waiting) continue;
      this.waiting.delete(id);
      if (rows) waiting.resolve(rows);
      else waiting.reject(new SqliteReadError(message ?? "SQLite read failed", code));
    }
    if (this.waiting.size === 0) this.worker.unref();
  }

  /**
   * Fails the reads past their deadline (the oldest come first: the map keeps insertion order),
   * then waits for the next one's. One timer for all the reads in flight, not one per read. The
   * worker's late answers to them are dropped.
   */
  private expire(): void {
    this.watchdog = undefined;
    const now = performance.now();
    for (const [id, waiting] of this.waiting) {
      if (waiting.deadline > now) {
        this.watchdog = setTimeout(() => this.expire(), waiting.deadline - now).unref();
        return;
      }
      this.waiting.delete(id);
      waiting.reject(new DatabaseTimeoutError(`the SQLite read worker did not answer within ${this.timeoutMs} ms (DATABASE_QUERY_TIMEOUT_MS)`));
    }
    this.worker.unref();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
    this.batch.clear();
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.worker.unref();
  }
}
