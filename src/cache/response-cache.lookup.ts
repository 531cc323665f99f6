import type { ResponseCache } from "./response-cache";
import type { CachedResponse } from "./response-cache.store";

/** What the cache says of one cacheable request: its cached answer, or how to keep the answer Apollo is about to give. */
export type CacheLookup = { hit: CachedResponse } | { keep: (status: number, body: string, contentType: string) => void };

/**
 * Looks up an anonymous query (the caller checks there is no Authorization header), sent by POST or GET. Undefined when it cannot be
 * cached (no query text, not a query, not parseable). Synchronous with the in-memory store, a
 * promise with Redis (a Redis failure reads as a miss). A kept answer must be a 200 without
 * errors: Apollo writes `errors` before `data`, so a body opening on `{"data":` has none.
 */
export function lookUpAnswer(
  cache: ResponseCache,
  params: { query?: unknown; operationName?: unknown; variables?: unknown },
  accept: string | undefined,
): CacheLookup | Promise<CacheLookup> | undefined {
  if (typeof params.query !== "string") return undefined;
  const key = cache.keyFor(params.query, params.operationName, params.variables, accept);
  if (key === null) return undefined;
  const generation = cache.store.generation();
  const settle = (hit: CachedResponse | undefined): CacheLookup =>
    hit
      ? { hit }
      : {
          keep: (status, body, contentType) => {
            if (status === 200 && body.startsWith('{"data":')) cache.set(key, { body, contentType }, generation);
          },
        };
  const found = cache.get(key);
  return found instanceof Promise ? found.then(settle, () => settle(undefined)) : settle(found);
}
