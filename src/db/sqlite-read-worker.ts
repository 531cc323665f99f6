import { Worker } from "node:worker_threads";

/** One read sent to the worker: its id, statement text and bound parameters. */
type Read = [id: number, text: string, params: unknown[]];
/** The worker's answer to one read: its rows, or the error's message and SQLite code. */
type Answer = [id: number, rows: unknown[] | null, message?: string, code?: string];

interface Waiting {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
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

/**
 * The worker thread's whole program, shipped as source (`eval`) so that it runs the same from
 * the build and from the TypeScript sources the tests load. It opens its own read-only
 * connection on the file, prepares each statement text once, and answers each batch of reads
 * with one message. Plain JavaScript only: it is not compiled into a module of its own.
 */
function readerThread(): void {
  const { parentPort, workerData } = require("node:worker_threads") as typeof import("node:worker_threads");
  const Database = require(workerData.driver as string) as typeof import("better-sqlite3");
  const db = new Database(workerData.path as string, { readonly: true, fileMustExist: true, timeout: 5000 });
  const statements = new Map<string, import("better-sqlite3").Statement>();
  parentPort?.on("message", (reads: Read[]) => {
    const answers: Answer[] = [];
    for (const [id, text, params] of reads) {
      try {
        let statement = statements.get(text);
        if (!statement) {
          statement = db.prepare(text);
          if (statements.size < (workerData.maxPrepared as number)) statements.set(text, statement);
        }
        answers.push([id, statement.all(...params) as unknown[]]);
      } catch (error) {
        const e = error as { message?: string; code?: string };
        answers.push([id, null, String(e.message ?? error), e.code]);
      }
    }
    parentPort.postMessage(answers);
  });
}

/**
 * Reads on an SQLite file answered by a worker thread with its own connection, so that the
 * statements run beside the event loop instead of on it (better-sqlite3 is synchronous): the
 * shape PostgreSQL's reads already have, where the database works in other processes.
 *
 * Why: a hero request spent about a quarter of its main-thread CPU inside better-sqlite3
 * (bench/profile.md). The reads of one event-loop turn leave in one message and come back in
 * one, so many requests' statements share the cost of a message. In WAL mode the worker's
 * connection sees every committed write, and never a write in progress (writes have their own
 * connection: src/db/writer.ts).
 */
export class SqliteReadWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private queued: Read[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    this.worker = new Worker(`(${readerThread.toString()})()`, {
      eval: true,
      // Our reads are a fixed set of texts; the bound keeps an unexpected variety from growing the cache.
      workerData: { path, driver: require.resolve("better-sqlite3"), maxPrepared: 1000 },
    });
    // The worker keeps the process alive only while reads wait for it.
    this.worker.unref();
    this.worker.on("message", (answers: Answer[]) => this.settle(answers));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => this.fail(new Error("the SQLite read worker stopped")));
  }

  /** False once the thread has stopped or failed: its reads then go back to the main connection. */
  get usable(): boolean {
    return this.failure === undefined;
  }

  query<T>(text: string, params: unknown[]): Promise<T[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T[]>((resolve, reject) => {
      const id = this.nextId++;
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      if (this.queued.length === 0) setImmediate(() => this.flush());
      this.queued.push([id, text, params]);
    });
  }

  /** Stops the thread (when the DataSource is destroyed); reads still waiting fail. */
  async close(): Promise<void> {
    this.fail(new Error("the database connection is closed"));
    await this.worker.terminate();
  }

  /** Sends this turn's reads in one message. */
  private flush(): void {
    const reads = this.queued;
    this.queued = [];
    if (reads.length === 0 || this.failure) return;
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

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
    this.queued = [];
    this.worker.unref();
  }
}
