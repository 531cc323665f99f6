import { createHash } from "node:crypto";
import type { Client, Pool } from "pg";
import { clientLike, dropConnection } from "../postgres-deadline";
import type { Reader } from "../reader";
import { ReadPipeline } from "./postgres-pipeline";
import { type ReadErrorLog, recorded } from "./recorded";

/** Distinct statement texts given a prepared name: our reads are a fixed set of texts. */
const MAX_PREPARED = 1000;

/**
 * Reads on PostgreSQL outside a transaction, straight on a driver pool (a replica's, round-robin,
 * when there are replicas: DATABASE_REPLICA_URLS), as named prepared statements: each connection
 * parses and plans a statement once instead of on every request, and TypeORM's query runner (a
 * pool checkout per statement) is skipped. Keyed reads go through each pool's read pipeline
 * (connections in pipeline mode) when `pipelineSize` > 0. Writes and transactions stay with
 * TypeORM, on the primary.
 */
export class PostgresPoolReader implements Reader {
  readonly engine = "postgres";
  readonly kind = "postgres-pool";
  private readonly names = new Map<string, string>();
  private readonly pipelines: (ReadPipeline | undefined)[];
  private next = 0;
  /** The readiness check's own connection, opened on first use, dropped and reopened after a failure. */
  private health: Promise<Client> | undefined;
  private closed = false;

  /** `pools`: the replicas' pools when there are replicas, else the primary's alone. */
  constructor(
    private readonly pools: Pool[],
    pipelineSize: number,
    private readonly logError: ReadErrorLog,
  ) {
    this.pipelines = pools.map((pool) => (pipelineSize > 0 ? new ReadPipeline(pool, pipelineSize) : undefined));
  }

  read<T>(text: string, params: unknown[], keyed: boolean): Promise<T[]> {
    const index = this.pools.length === 1 ? 0 : this.next++ % this.pools.length;
    const config = { name: this.preparedName(text), text, values: params };
    const pipeline = keyed ? this.pipelines[index] : undefined;
    return recorded(this.engine, this.logError, text, params, () =>
      (pipeline ? pipeline.query(config) : this.pools[index].query(config)).then((result) => result.rows as T[]),
    );
  }

  /**
   * On a connection of its own (the first server's settings and deadline), so that a pool whose
   * connections are all taken under load does not read as a database that does not answer.
   */
  async ping(): Promise<void> {
    if (this.closed) throw new Error("the database connection is closed");
    const opening = (this.health ??= this.openHealth());
    try {
      await (await opening).query("SELECT 1");
    } catch (error) {
      if (this.health === opening) this.health = undefined;
      opening.then(dropConnection, () => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const health = this.health;
    this.health = undefined;
    await Promise.all([...this.pipelines.map((pipeline) => pipeline?.close()), health?.then((client) => client.end()).catch(() => undefined)]);
  }

  private async openHealth(): Promise<Client> {
    const client = clientLike(this.pools[0]);
    // A broken connection fails the next check, which opens another.
    client.on("error", () => undefined);
    await client.connect();
    return client;
  }

  private preparedName(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_PREPARED) {
      name = `ts_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
      this.names.set(text, name);
    }
    return name;
  }
}
