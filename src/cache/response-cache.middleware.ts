import type { RequestHandler, Response } from "express";
import type { ResponseCache } from "./response-cache";

/**
 * Serves anonymous read-only queries from the response cache, before Apollo Server: a hit
 * costs a hash and a lookup, not a GraphQL execution. POST /graphql with a JSON body only
 * (GET goes through Apollo's CSRF check); a request with an Authorization header always goes
 * through. A miss is answered by Apollo as usual and its response kept if it has no errors.
 * The `x-response-cache` header says `hit` or `miss`.
 */
export function responseCacheMiddleware(cache: ResponseCache): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== "POST" || req.headers.authorization !== undefined || typeof body?.query !== "string") {
      next();
      return;
    }
    const key = cache.keyFor(body.query, body.operationName, body.variables, req.headers.accept);
    if (key === null) {
      next();
      return;
    }
    const generation = cache.store.generation();
    const found = cache.get(key);
    const answer = (hit: { body: string; contentType: string } | undefined) => {
      if (hit) {
        res.setHeader("content-type", hit.contentType);
        res.setHeader("x-response-cache", "hit");
        res.end(hit.body);
        return;
      }
      res.setHeader("x-response-cache", "miss");
      keepAnswer(res, (text) => cache.set(key, { body: text, contentType: String(res.getHeader("content-type") ?? "application/json") }, generation));
      next();
    };
    if (found instanceof Promise) found.then(answer, () => answer(undefined));
    else answer(found);
  };
}

/** Calls `keep` with the response Apollo sends, if it is a 200 whose body has data and no errors. */
function keepAnswer(res: Response, keep: (body: string) => void): void {
  const send = res.send.bind(res);
  res.send = (payload?: unknown) => {
    // Apollo writes `errors` before `data`: a body opening on `{"data":` has none.
    if (res.statusCode === 200 && typeof payload === "string" && payload.startsWith('{"data":')) keep(payload);
    return send(payload);
  };
}
