import Redis from "ioredis";
import { DEFAULT_RESPONSE_CACHE } from "../config/config";
import { type BreakerState, CacheBreaker } from "./cache-breaker";

/** A cached response: the exact bytes Apollo Server sent, and their content type. */
export interface CachedResponse {
  body: string;
  contentType: string;
}

/**
 * Where cached responses live. Entries are invalidated all at once (`invalidate`): a write can
 * change any answer. `generation()` is taken before a response is computed and given back to
 * `set`, which drops the entry if an invalidation happened meanwhile (it may hold old rows).
 */
export interface ResponseCacheStore {
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse, ttlMs: number, generation: number): void;
  generation(): number;
  invalidate(): Promise<void>;
  close(): Promise<void>;
  /** For /readyz: whether a shared store answers ("ok"), stalls or cannot be reached. Absent for the in-memory store. */
  health?(): "ok" | "stalled" | "unreachable";
}

/** In-process store, least recently used entries evicted past `maxBytes`. */
export class MemoryStore implements ResponseCacheStore {
  private readonly entries = new Map<string, CachedResponse & { expires: number; bytes: number }>();
  private bytes = 0;
  private current = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= Date.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, value: CachedResponse, ttlMs: number, generation: number): void {
    if (generation !== this.current) return;
    const bytes = value.body.length * 2 + key.length * 2;
    if (bytes > this.maxBytes / 4) return; // one answer never takes most of the cache
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { ...value, expires: Date.now() + ttlMs, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  generation(): number {
    return this.current;
  }

  async invalidate(): Promise<void> {
    this.current++;
    this.entries.clear();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * A store shared by every server of a deployment, in Redis. Keys carry a generation number;
 * invalidating increments it in Redis and tells every server at once (pub/sub), so old
 * entries are never read again and expire on their own.
 *
 * The cache never slows an answer down: every command has a deadline (ioredis' `commandTimeout`,
 * REDIS_COMMAND_TIMEOUT_MS: a few ms where Redis answers in well under one), nothing is queued
 * while Redis is disconnected (`enableOfflineQueue: false`), and lookups and stores go through a
 * circuit breaker (src/cache/cache-breaker.ts) that stops asking a Redis that keeps failing. When
 * Redis cannot be reached, or stalls (its connection open, "ready", and nothing coming back),
 * reads miss and stores are dropped: the API answers from the database, never fails for the cache.
 */
export class RedisStore implements ResponseCacheStore {
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private current = 0;
  private readonly generationKey: string;
  private readonly channel: string;
  private readonly breaker = new CacheBreaker();

  constructor(
    url: string,
    private readonly prefix = "territoire-sante:response-cache",
    commandTimeoutMs = DEFAULT_RESPONSE_CACHE.redisCommandTimeoutMs,
  ) {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, commandTimeout: commandTimeoutMs } as const;
    this.client = new Redis(url, options);
    this.subscriber = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    this.generationKey = `${prefix}:generation`;
    this.channel = `${prefix}:invalidated`;
    for (const connection of [this.client, this.subscriber]) connection.on("error", () => {}); // reconnects by itself
    this.client.on("ready", () => {
      this.client.get(this.generationKey).then((g) => this.advance(Number(g ?? 0)), () => {});
    });
    this.subscriber.on("message", (_channel: string, message: string) => this.advance(Number(message)));
    this.subscriber.subscribe(this.channel).catch(() => {});
  }

  /**
   * Resolves once both connections are up and the generation is read (tests and the benchmark wait
   * for it; the server does not). The read is retried for up to 10 s: on a busy machine reads can
   * outlast the commands' few-ms deadline many times in a row.
   */
  async ready(): Promise<void> {
    const up = (c: Redis) => (c.status === "ready" ? Promise.resolve() : new Promise<void>((resolve) => c.once("ready", () => resolve())));
    await Promise.all([up(this.client), up(this.subscriber)]);
    const giveUpAt = performance.now() + 10_000;
    for (;;) {
      try {
        this.advance(Number((await this.client.get(this.generationKey)) ?? 0));
        return;
      } catch (error) {
        if (performance.now() > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }

  private advance(generation: number): void {
    if (Number.isFinite(generation) && generation > this.current) this.current = generation;
  }

  private keyOf(key: string, generation: number): string {
    return `${this.prefix}:${generation}:${key}`;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    if (this.client.status !== "ready") {
      this.breaker.skipped("get", "error");
      return undefined;
    }
    const raw = await this.breaker.run("get", () => this.client.get(this.keyOf(key, this.current)));
    if (raw === undefined || raw === null) return undefined;
    const newline = raw.indexOf("\n");
    return { contentType: raw.slice(0, newline), body: raw.slice(newline + 1) };
  }

  set(key: string, value: CachedResponse, ttlMs: number, generation: number): void {
    if (generation !== this.current) return;
    if (this.client.status !== "ready") return this.breaker.skipped("set", "error");
    void this.breaker.run("set", () => this.client.set(this.keyOf(key, generation), `${value.contentType}\n${value.body}`, "PX", ttlMs));
  }

  /** "unreachable" while disconnected, "stalled" while the breaker keeps requests from waiting on it, else "ok". */
  health(): BreakerState | "unreachable" {
    return this.client.status !== "ready" ? "unreachable" : this.breaker.state;
  }

  generation(): number {
    return this.current;
  }

  async invalidate(): Promise<void> {
    const generation = await this.client.incr(this.generationKey);
    this.advance(generation);
    await this.client.publish(this.channel, String(generation));
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    this.subscriber.disconnect();
    this.client.disconnect();
  }
}
