import { createHash } from "node:crypto";
import { type OperationDefinitionNode, parse, stripIgnoredCharacters } from "graphql";
import { LRUCache } from "lru-cache";
import { DEFAULT_RESPONSE_CACHE } from "../config/config";
import type { ResponseCacheOptions } from "../config/response-cache-options";
import { type CachedResponse, MemoryStore, RedisStore, type ResponseCacheStore } from "./response-cache.store";

export type { ResponseCacheOptions };

/** How long `npm run import` waits for each Redis command of its invalidation. */
const INVALIDATION_TIMEOUT_MS = 5000;

/** Size of the in-memory store, in MiB (LRU past it). */
const MEMORY_MIB = 64;

/**
 * Characters of raw operation texts remembered with their key part: clients send few distinct
 * texts, and a bound in characters (not in texts) keeps hostile 60,000-character texts from
 * holding the heap.
 */
const MAX_OPERATION_CHARS = 4_000_000;

/** What the key needs from an operation (false when the operation is not a cacheable read). */
interface OperationInfo {
  /** SHA-256 of the text without comments and whitespace, computed once per text. */
  normalisedHash: string;
}

/**
 * Whole responses of anonymous read-only queries, keyed on the normalised operation (comments
 * and whitespace removed), the operation name, the variables and the accepted media type.
 * Only answers without errors are kept. The server's writer invalidates it after every
 * committed write (src/db/writer.ts invalidatingWriter).
 */
export class ResponseCache {
  readonly ttlMs: number;
  private readonly operations = new LRUCache<string, OperationInfo | false>({ maxSize: MAX_OPERATION_CHARS, sizeCalculation: (_info, text) => Math.max(text.length, 1) });

  constructor(readonly store: ResponseCacheStore, ttlMs = DEFAULT_RESPONSE_CACHE.ttlMs) {
    this.ttlMs = ttlMs;
  }

  /** The cache key of a request, or null when it must not be cached (not a query, or it does not parse). */
  keyFor(query: string, operationName: unknown, variables: unknown, accept: string | undefined): string | null {
    const name = typeof operationName === "string" ? operationName : undefined;
    // Keyed on the name too: one document may hold a query and a mutation.
    const memoKey = `${name ?? ""}\n${query}`;
    let info = this.operations.get(memoKey);
    if (info === undefined) {
      info = describe(query, name);
      this.operations.set(memoKey, info);
    }
    if (info === false) return null;
    let variablesText: string;
    try {
      variablesText = stableJson(variables ?? {});
    } catch {
      return null; // too deep to key (a RangeError): not cached; the request check refuses such variables first
    }
    return createHash("sha256").update(`${accept ?? ""}\n${name ?? ""}\n${variablesText}\n${info.normalisedHash}`).digest("base64url");
  }

  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined> {
    return this.store.get(key);
  }

  set(key: string, value: CachedResponse, generation: number): void {
    this.store.set(key, value, this.ttlMs, generation);
  }

  /**
   * Drops every cached answer, here or, with Redis, on every server sharing the cache. Never
   * throws (the write that calls it has committed): when Redis cannot be reached, answers
   * cached there expire after their TTL.
   */
  async invalidate(): Promise<void> {
    try {
      await this.store.invalidate();
    } catch (error) {
      process.stderr.write(`response cache: invalidation failed (${error instanceof Error ? error.message : String(error)}); entries expire after ${this.ttlMs} ms\n`);
    }
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

/** False unless the text parses and the operation it names (or its only one) is a query. */
function describe(query: string, operationName: string | undefined): OperationInfo | false {
  try {
    const document = parse(query);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
    const operation = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
    if (!operation || operation.operation !== "query") return false;
    return { normalisedHash: createHash("sha256").update(stripIgnoredCharacters(query)).digest("base64url") };
  } catch {
    return false;
  }
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` give one key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function createResponseCache(options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE): ResponseCache {
  const store = options.redisUrl ? new RedisStore(options.redisUrl, undefined, options.redisCommandTimeoutMs) : new MemoryStore(MEMORY_MIB * 2 ** 20);
  return new ResponseCache(store, options.ttlMs);
}

/** One line for the start-up log. */
export function describeResponseCache(options: ResponseCacheOptions | null): string {
  if (!options) return "off";
  const ttl = `answers kept ${options.ttlMs / 1000} s at most`;
  return options.redisUrl ? `shared in Redis (${new URL(options.redisUrl).host}), ${ttl}` : `in memory, ${ttl}`;
}

/**
 * For a write made outside the server (`npm run import`): invalidates the shared Redis cache,
 * when there is one, and says what happens to the cached answers.
 */
export async function invalidateFromAnotherProcess(options: ResponseCacheOptions | null): Promise<string> {
  if (!options) return "response cache: off";
  if (!options.redisUrl) return `response cache: running servers' in-memory caches serve their answers for ${options.ttlMs / 1000} s at most`;
  // A command-line tool can wait for Redis longer than a request would: its invalidation matters more than a few milliseconds.
  const store = new RedisStore(options.redisUrl, undefined, INVALIDATION_TIMEOUT_MS);
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("Redis did not answer in 5 s")), 5000).unref());
    await Promise.race([store.ready(), timeout]);
    await store.invalidate();
    return "response cache: invalidated (Redis)";
  } catch (error) {
    return `response cache: not invalidated (${(error as Error).message}); cached answers expire after ${options.ttlMs / 1000} s`;
  } finally {
    await store.close();
  }
}
