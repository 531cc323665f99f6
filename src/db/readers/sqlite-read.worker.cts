// The SQLite read worker's thread (src/db/readers/sqlite-worker.reader.ts starts it). Its own file,
// compiled with the rest (to .cjs); the tests run it from source (Node 24 strips the types). A
// CommonJS module (`.cts`: `require`, no `import`), erasable TypeScript only (no enums, no
// parameter properties), and nothing imported from the project.
const { parentPort, workerData }: typeof import("node:worker_threads") = require("node:worker_threads");
const Database: typeof import("better-sqlite3") = require("better-sqlite3");
type Statement = import("better-sqlite3").Statement;

/** One read: its id, statement text and bound parameters. */
type Read = [id: number, text: string, params: unknown[]];
/** The answer to one read: its rows, or the error's message and SQLite code. */
type Answer = [id: number, rows: unknown[] | null, message?: string, code?: string];

const { path, maxPrepared, busyTimeoutMs } = workerData as { path: string; maxPrepared: number; busyTimeoutMs: number };
const db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
const statements = new Map<string, Statement>();

/** Each batch of reads (one event-loop turn of the main thread) is answered with one message. */
parentPort?.on("message", (reads: Read[]) => {
  const answers: Answer[] = [];
  for (const [id, text, params] of reads) {
    try {
      let statement = statements.get(text);
      if (!statement) {
        statement = db.prepare(text);
        if (statements.size < maxPrepared) statements.set(text, statement);
      }
      answers.push([id, statement.all(...params) as unknown[]]);
    } catch (error) {
      const e = error as { message?: string; code?: string };
      answers.push([id, null, String(e.message ?? error), e.code]);
    }
  }
  parentPort?.postMessage(answers);
});
