import type { Engine } from "./reader";
import type { SqlStatementLog } from "./sql-statement-log";

/**
 * What `sql()` runs a statement on: the Database itself (tools, start-up), a request's handle on
 * it (its reads through the reader, recorded in the request's log), or a write transaction.
 */
export interface SqlTarget {
  readonly engine: Engine;
  /** Where the statements run on this target are recorded (a request's); none outside requests. */
  readonly log?: SqlStatementLog;
  /** Runs one statement, its `?` markers already bound for the engine; the rows (those of RETURNING for writes). */
  run<T>(text: string, params: unknown[], keyed: boolean): T[] | Promise<T[]>;
}
