/** The response cache's settings (`RESPONSE_CACHE`, `REDIS_URL`, `RESPONSE_CACHE_TTL`, `REDIS_COMMAND_TIMEOUT_MS`); null in the config when it is off. */
export interface ResponseCacheOptions {
  /** Redis URL: a cache shared by every server (`REDIS_URL`). Unset: in this process's memory. */
  redisUrl?: string;
  /** How long an answer is served from the cache at most, in ms (`RESPONSE_CACHE_TTL`). */
  ttlMs: number;
  /** How long a Redis lookup or store may take before the request goes on without it (`REDIS_COMMAND_TIMEOUT_MS`). */
  redisCommandTimeoutMs: number;
}
