import type { Client, Pool, QueryConfig, QueryResult } from "pg";
import { clientLike } from "../postgres-deadline";
import { TurnBatch } from "../turn-batch";

/** One pipelined connection and what it is doing. */
interface Lane {
  client: Client;
  /** Statements sent and not yet answered. */
  inFlight: number;
  /** True while the socket holds this turn's statements back (until the turn ends). */
  corked: boolean;
  stream: NodeJS.WritableStream & { cork(): void; uncork(): void };
}

/**
 * Keyed reads on PostgreSQL (the loaders' `… = ANY($1)` statements) over a few connections in
 * pipeline mode (`pg`'s `pipeline: true`): a statement is sent without waiting for the one
 * before it to be answered, and every statement issued during one turn of the event loop leaves
 * in a single socket write.
 *
 * Why: on this kind of machine one `writev` to a local PostgreSQL costs 70–150 µs of CPU (the
 * kernel delivers the packet and wakes the backend), a quarter of a hero request's CPU with a
 * connection pool that writes once per statement (bench/profile.md). Under load many requests
 * reach the same nesting level in the same turn: their statements now share a write and a
 * backend wake-up. Each statement keeps its own Sync, so an error (or the statement timeout)
 * fails only that statement; every request still sees exactly its own statements' rows.
 *
 * Only short keyed reads come here: a slow statement would hold back the ones queued behind it
 * on its connection. Everything else (aggregates, searches, writes, transactions) keeps the pool.
 */
export class ReadPipeline {
  private readonly lanes: (Lane | undefined)[];
  private closed = false;
  /** The lanes corked this turn, uncorked together when it ends. */
  private readonly turn = new TurnBatch<Lane>((lanes) => {
    for (const lane of lanes) {
      lane.corked = false;
      lane.stream.uncork();
    }
  });

  constructor(
    private readonly pool: Pool,
    size: number,
  ) {
    this.lanes = new Array<Lane | undefined>(size);
  }

  query(config: QueryConfig): Promise<QueryResult> {
    if (this.closed) return Promise.reject(new Error("the database connection is closed"));
    const lane = this.pick();
    lane.inFlight++;
    if (!lane.corked) {
      lane.stream.cork();
      lane.corked = true;
      this.turn.add(lane);
    }
    return lane.client.query(config).then(
      (result) => {
        lane.inFlight--;
        return result;
      },
      (error: unknown) => {
        lane.inFlight--;
        throw error;
      },
    );
  }

  /** Ends the connections. */
  async close(): Promise<void> {
    this.closed = true;
    const open = this.lanes.filter((lane): lane is Lane => lane !== undefined);
    this.lanes.fill(undefined);
    await Promise.all(open.map((lane) => lane.client.end().catch(() => undefined)));
  }

  /** An idle connection if there is one (opening connections only as load needs them), else the least busy. */
  private pick(): Lane {
    let best: Lane | undefined;
    for (let i = 0; i < this.lanes.length; i++) {
      const lane = this.lanes[i] ?? this.open(i);
      if (lane.inFlight === 0) return lane;
      if (!best || lane.inFlight < best.inFlight) best = lane;
    }
    return best as Lane;
  }

  private open(index: number): Lane {
    // The pool's own client class and options: same server, credentials, search_path, timeouts, deadline.
    const client = clientLike(this.pool, { pipeline: true });
    const stream = (client as unknown as { connection: { stream: Lane["stream"] } }).connection.stream;
    const lane: Lane = { client, inFlight: 0, corked: false, stream };
    // A broken connection fails its statements (pg rejects them) and is replaced on next use.
    const drop = () => {
      if (this.lanes[index] === lane) this.lanes[index] = undefined;
    };
    client.on("error", drop);
    client.on("end", drop);
    client.connect().catch(drop);
    this.lanes[index] = lane;
    return lane;
  }
}
