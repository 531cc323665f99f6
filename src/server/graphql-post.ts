import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";

/** `POST /graphql` (with or without a query string): the API's hot path. */
export function isGraphQLPost(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  return req.method === "POST" && (url === "/graphql" || url.startsWith("/graphql?"));
}

/**
 * The /graphql handlers run in a row on `node:http`, without Express's router: Express is kept
 * for every other route (and GET /graphql), but an API request no longer walks the app's route
 * table, a mounted router per route group and a final handler made per request. The handlers
 * are the same functions Express runs (authentication, rate limit, body, token limit, response
 * cache, Apollo Server), on the same Express request and response objects, from an app of its
 * own whose responses carry no ETag: nobody revalidates a POST, and hashing each answer cost
 * a SHA-1 of the whole body.
 */
export function graphqlPostHandler(handlers: RequestHandler[], onError: ErrorRequestHandler): (req: IncomingMessage, res: ServerResponse) => void {
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  const last = (req: Request, res: Response) => (error?: unknown) => {
    // What Express's final handler does once no handler is left: a 404, or drop a broken response.
    if (error === undefined) {
      res.statusCode = 404;
      res.end();
    } else if (res.headersSent) req.socket.destroy();
    else {
      res.statusCode = 500;
      res.end();
    }
  };
  return (rawReq, rawRes) => {
    const req = rawReq as Request;
    const res = rawRes as Response;
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    req.originalUrl = req.url;
    res.locals = Object.create(null) as Response["locals"];
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined) {
        onError(error, req, res, last(req, res));
        return;
      }
      const handler = handlers[index++];
      if (!handler) return last(req, res)();
      try {
        const running: unknown = handler(req, res, next);
        // Async handlers (Apollo's) report failures by rejecting, as Express 5 expects.
        if (running instanceof Promise) running.catch(next);
      } catch (caught) {
        next(caught);
      }
    };
    next();
  };
}
