import type { ServerResponse } from "node:http";
import type { RequestHandler, Response } from "express";
import type { ResponseCache } from "./response-cache";
import type { CachedResponse } from "./response-cache.store";

/** What the cache says of one cacheable request: its cached answer, or how to keep the answer Apollo is about to give. */
export type CacheLookup = { hit: CachedResponse } | { keep: (status: number, body: string, contentType: string) => void };

/**
 * Looks up an anonymous POSTed query (the caller checks it is one). Undefined when it cannot be
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

/** Answers with a cached response (`x-response-cache: hit`). */
export function sendCachedAnswer(res: ServerResponse, hit: CachedResponse): void {
  res.writeHead(200, { "content-type": hit.contentType, "x-response-cache": "hit", "content-length": Buffer.byteLength(hit.body) });
  res.end(hit.body);
}

/**
 * Serves anonymous read-only queries from the response cache, before Apollo Server: a hit
 * costs a hash and a lookup, not a GraphQL execution. POST /graphql with a JSON body only
 * (GET goes through Apollo's CSRF check); a request with an Authorization header always goes
 * through. A miss is answered by Apollo as usual and its response kept if it has no errors.
 * The `x-response-cache` header says `hit` or `miss`. (The lean POST path of
 * src/server/graphql-post.ts does the same with `lookUpAnswer`.)
 */
export function responseCacheMiddleware(cache: ResponseCache): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    const lookup = req.method === "POST" && req.headers.authorization === undefined && body ? lookUpAnswer(cache, body, req.headers.accept) : undefined;
    if (lookup === undefined) {
      next();
      return;
    }
    const answer = (found: CacheLookup) => {
      if ("hit" in found) return sendCachedAnswer(res, found.hit);
      res.setHeader("x-response-cache", "miss");
      keepAnswer(res, found.keep);
      next();
    };
    if (lookup instanceof Promise) void lookup.then(answer);
    else answer(lookup);
  };
}

/** Hands the response Apollo sends, through Express's `send`, to `keep`. */
function keepAnswer(res: Response, keep: (status: number, body: string, contentType: string) => void): void {
  const send = res.send.bind(res);
  res.send = (payload?: unknown) => {
    if (typeof payload === "string") keep(res.statusCode, payload, String(res.getHeader("content-type") ?? "application/json"));
    return send(payload);
  };
}
