import type { Pool } from "pg";
import type { DataSource, EntityManager } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import type { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner";
import { WriteTimeoutError } from "../errors/errors";
import { isDatabaseTimeout } from "../errors/format-error";
import { clientLike, type DeadlineClient, dropConnection } from "./postgres-deadline";

/** What became of a transaction whose COMMIT was not answered in time. */
export type CommitOutcome = "committed" | "aborted" | "unknown";

/** The connection under TypeORM's query runner: pg's client, ours (src/db/postgres-deadline.ts), with its backend's process id. */
type RunnerConnection = DeadlineClient & { processID?: number };

/**
 * PostgreSQL write transactions, each on a pooled connection of its own (concurrent ones are
 * isolated by the server), that answer within the statement deadline even when the database
 * stalls, and say what became of the write:
 *
 * - a statement before COMMIT not answered in time: the connection is dropped (src/db/postgres-deadline.ts)
 *   without COMMIT ever being sent, so the transaction can only be rolled back: WriteTimeoutError(applied: false);
 * - COMMIT not answered in time: the database may have committed. On another connection, the
 *   session that sent it is ended (`pg_terminate_backend`, waiting for it to exit, so that a
 *   COMMIT still on its way can no longer land), then the transaction's status is read
 *   (`pg_xact_status`): committed → the write is answered as a success; aborted →
 *   WriteTimeoutError(false); the database still not answering → WriteTimeoutError("unknown").
 *
 * The transaction id is read as its first statement (`pg_current_xact_id()`: one more round trip
 * per write, none per read). Needs PostgreSQL 14 or later (`pg_terminate_backend` with a timeout).
 * A Writer (src/db/writer.ts, which chooses it).
 */
export class PostgresWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlineMs: number,
  ) {}

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner("master") as PostgresQueryRunner;
    let connection: RunnerConnection;
    try {
      connection = (await runner.connect()) as RunnerConnection;
    } catch (error) {
      // No connection within DATABASE_CONNECT_TIMEOUT_MS: nothing was sent.
      if (error instanceof Error && /timeout/i.test(error.message)) throw new WriteTimeoutError(false);
      throw error;
    }
    let committing = false;
    let xid: string | undefined;
    let result: T | undefined;
    try {
      await runner.startTransaction();
      [{ xid }] = (await runner.query("SELECT pg_current_xact_id()::text AS xid")) as { xid: string }[];
      result = await work(runner.manager);
      committing = true;
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (!connection.timedOut && !isDatabaseTimeout(error)) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      if (!committing) throw new WriteTimeoutError(false);
      const outcome = await this.outcomeOf(xid, connection.processID);
      if (outcome === "committed") return result as T;
      throw new WriteTimeoutError(outcome === "aborted" ? false : "unknown");
    } finally {
      await runner.release();
    }
  }

  async close(): Promise<void> {}

  /**
   * Ends the session that sent COMMIT, then reads its transaction's status, on a new connection
   * (the pool's idle ones may sit on the same stalled path); "unknown" if the database does not
   * answer within the deadline.
   */
  async outcomeOf(xid: string | undefined, pid: number | undefined): Promise<CommitOutcome> {
    if (xid === undefined || pid === undefined) return "unknown";
    const client = clientLike((this.dataSource.driver as PostgresDriver).master as Pool);
    client.on("error", () => undefined);
    let finished = false;
    const check = async (): Promise<CommitOutcome> => {
      try {
        await client.connect();
        // Waits for the session to exit, for half the deadline: the check as a whole must fit in one.
        await client.query("SELECT pg_terminate_backend($1, $2)", [pid, Math.ceil(this.deadlineMs / 2)]);
        const { rows } = await client.query<{ status: string | null }>("SELECT pg_xact_status($1::xid8) AS status", [xid]);
        const status = rows[0]?.status;
        return status === "committed" || status === "aborted" ? status : "unknown";
      } finally {
        finished = true;
        client.end().catch(() => undefined);
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CommitOutcome>((resolve) => (timer = setTimeout(() => resolve("unknown"), this.deadlineMs)));
    try {
      return await Promise.race([check().catch((): CommitOutcome => "unknown"), late]);
    } finally {
      clearTimeout(timer);
      // Not answered in time: the connection is stalled too, dropped rather than left waiting.
      if (!finished) dropConnection(client);
    }
  }
}
