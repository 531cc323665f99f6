import { Client, type ClientConfig, type Pool } from "pg";
import { DatabaseTimeoutError } from "../errors/errors";

/** pg's own error when `query_timeout` expires (node-postgres' client.js). */
const PG_READ_TIMEOUT = "Query read timeout";

type Callback = (error: Error | null, result?: unknown) => void;

/** The parts of pg's Client this module reaches: the socket under the connection, the deadline given. */
interface ClientInternals {
  connection: { stream: { destroy(): void } };
  connectionParameters: { query_timeout?: number };
}

/**
 * node-postgres' Client with a deadline on every statement that is kept when it expires: pg's own
 * `query_timeout` fails the statement, then this client drops its connection, so that nothing
 * is queued behind a statement that will never be answered. Given to the pool (and so to the
 * read pipeline, which opens its connections with the pool's client class) by
 * src/db/data-source.ts, with `query_timeout` = DATABASE_QUERY_TIMEOUT_MS.
 *
 * Why: a stalled network or server (the connection open, nothing coming back) holds a statement
 * forever; `statement_timeout` is enforced by the server that never received it, and the pool's
 * connect timeout covers new connections only. pg's `query_timeout` fails the statement in
 * time, but on its own leaves the connection with a statement in flight: TypeORM's query runner
 * would send its ROLLBACK behind it (one more deadline) and give the connection back to the pool,
 * for the next request to wait on. A dropped connection fails whatever was queued on it at once
 * ("Connection terminated"), and the pool never hands it out again (`_ending`). The statement's
 * own error is a DatabaseTimeoutError, which the client sees as SERVICE_UNAVAILABLE.
 */
export class DeadlineClient extends Client {
  /** Set once the deadline of a statement expired: the connection was dropped. */
  timedOut = false;

  /** Drops the connection for good (see dropConnection). */
  abandon(): void {
    if (this.timedOut) return;
    this.timedOut = true;
    dropConnection(this);
  }

  /** The deadline the pool gave this client's connections, in ms. */
  get deadlineMs(): number | undefined {
    return (this as unknown as ClientInternals).connectionParameters.query_timeout;
  }
}

/** Drops a connection at once, stalled or not: pg's `end()` marks it ending (a pool removes it, queued statements fail), then its socket goes. */
export function dropConnection(client: Client): void {
  client.end().catch(() => undefined);
  (client as unknown as ClientInternals).connection.stream.destroy();
}

/** The error a statement fails with when its deadline expires: ours, naming the deadline, in place of pg's. */
function timeoutError(client: DeadlineClient): DatabaseTimeoutError {
  return new DatabaseTimeoutError(`PostgreSQL did not answer within ${client.deadlineMs} ms (DATABASE_QUERY_TIMEOUT_MS)`);
}

const isReadTimeout = (error: unknown): boolean => error instanceof Error && error.message === PG_READ_TIMEOUT;

// `query` is replaced on the prototype rather than overridden in the class: pg's Client.query has
// a dozen overloads (callback or promise, text or config, submittables) that a TypeScript
// override would have to repeat. This one keeps each form and only watches its outcome.
const query = Client.prototype.query as (this: Client, config: unknown, values?: unknown, callback?: unknown) => unknown;
Object.defineProperty(DeadlineClient.prototype, "query", {
  configurable: true,
  writable: true,
  value: function deadlineQuery(this: DeadlineClient, config: unknown, values?: unknown, callback?: unknown): unknown {
    // Cursors and streams (objects with `submit`) keep pg's own handling.
    if (typeof config === "object" && config !== null && typeof (config as { submit?: unknown }).submit === "function") return query.call(this, config, values, callback);
    const given = typeof values === "function" ? values : callback;
    if (typeof given === "function") {
      const done = given as Callback;
      const watched: Callback = (error, result) => {
        if (!isReadTimeout(error)) return done(error, result);
        this.abandon();
        done(timeoutError(this));
      };
      return typeof values === "function" ? query.call(this, config, watched) : query.call(this, config, values, watched);
    }
    return (query.call(this, config, values) as Promise<unknown>).catch((error: unknown) => {
      if (!isReadTimeout(error)) throw error;
      this.abandon();
      throw timeoutError(this);
    });
  },
});

/**
 * A new connection (not yet connected) with a pool's own client class and options: same server,
 * credentials, search_path, timeouts and deadline. For connections the pool must not hand out
 * (the read pipeline's, a write's outcome check).
 */
export function clientLike(pool: Pool, extra: ClientConfig = {}): Client {
  const { Client: PoolClient, options } = pool as unknown as { Client: new (config: ClientConfig) => Client; options: ClientConfig };
  // pg-pool keeps the password as a non-enumerable property: a spread alone would drop it.
  return new PoolClient({ ...options, password: options.password, ...extra });
}
