import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Caller } from "../../auth/caller";
import type { AccessOptions } from "../../config/config";
import { canonicalOrigin } from "../../config/web-origin";
import { OriginNotAllowedError } from "../../errors/errors";
import { sendHttpError } from "../../errors/http-answer";

/** Request headers a page may send: the GraphQL-over-HTTP ones, Apollo's and GraphQL clients' names, tracing, revalidation. */
export const CORS_ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
  "graphql-client-name",
  "graphql-client-version",
  "traceparent",
  "if-none-match",
];

/** Answer headers a page may read: the budget, revalidation, the cache's verdict, an export's datapackage. */
export const CORS_EXPOSED_HEADERS = ["ratelimit", "ratelimit-policy", "retry-after", "etag", "x-response-cache", "link", "content-disposition"];
/** The header's value, joined once: `apply` runs on every request. */
const EXPOSED = CORS_EXPOSED_HEADERS.join(", ");

/**
 * CORS for every route (the GraphQL pipeline and the Express routes alike). Anonymous reads are
 * open data: with CORS_ORIGINS `*` (the default) any page may call, with a list only those
 * pages. No credentials: no cookie is ever read, `Access-Control-Allow-Credentials` is never
 * sent, so a page can only send what it holds itself (a key in an `Authorization` header).
 */
export class Cors {
  private readonly allowed: "*" | ReadonlySet<string>;
  private readonly preflightHeaders: [string, string][];

  constructor(options: AccessOptions) {
    this.allowed = options.corsOrigins === "*" ? "*" : new Set(options.corsOrigins);
    this.preflightHeaders = [
      ["access-control-allow-methods", "GET, POST, OPTIONS"],
      ["access-control-allow-headers", CORS_ALLOWED_HEADERS.join(", ")],
      ["access-control-max-age", String(options.corsMaxAgeSeconds)],
    ];
  }

  /** Whether pages of `origin` may call (the header as sent; anything not an origin is refused). */
  allows(origin: string): boolean {
    if (this.allowed === "*") return true;
    const canonical = canonicalOrigin(origin);
    return canonical !== null && this.allowed.has(canonical);
  }

  /** Sets an answer's CORS headers; a request without `Origin` (not from a page) gets none. */
  apply(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (this.allowed !== "*") res.setHeader("vary", "Origin");
    if (origin === undefined || !this.allows(origin)) return;
    res.setHeader("access-control-allow-origin", this.allowed === "*" ? "*" : origin);
    res.setHeader("access-control-expose-headers", EXPOSED);
  }

  /**
   * Answers an OPTIONS request (a browser's preflight): 204 with the methods and headers accepted
   * and how long to keep the answer, or 403 ORIGIN_NOT_ALLOWED for a page that may not call.
   */
  answerOptions(req: IncomingMessage, res: ServerResponse, report: (error: unknown) => void): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allows(origin)) {
      const allowed = this.allowed === "*" ? [] : [...this.allowed];
      sendHttpError(res, new OriginNotAllowedError(`Pages of ${JSON.stringify(origin.slice(0, 200))} may not call this API (CORS_ORIGINS allows ${allowed.join(", ")})`, allowed), report);
      return;
    }
    this.apply(req, res);
    for (const [name, value] of this.preflightHeaders) res.setHeader(name, value);
    res.setHeader("allow", "GET, POST, OPTIONS");
    res.statusCode = 204;
    res.end();
  }

  /** The same, as Express middleware for the other routes. */
  middleware(report: (error: unknown) => void): RequestHandler {
    return (req, res, next) => {
      if (req.method === "OPTIONS") return this.answerOptions(req, res, report);
      this.apply(req, res);
      next();
    };
  }
}

/**
 * A key bound to page origins is refused from any other (403 ORIGIN_NOT_ALLOWED), and from an
 * `Origin` that is not one. A request without `Origin` does not come from a page (a server, a
 * script) and is not refused: binding stops other pages from using a key found in a page.
 */
export function checkKeyOrigin(caller: Caller, origin: string | undefined): void {
  if (caller.kind !== "key" || caller.origins === null || origin === undefined) return;
  const canonical = canonicalOrigin(origin);
  if (canonical !== null && caller.origins.includes(canonical)) return;
  throw new OriginNotAllowedError(
    `This API key may only be used from ${caller.origins.join(", ")} (the request came from ${JSON.stringify(origin.slice(0, 200))}): add the origin to the key (npm run keys -- origins) or use another key`,
    caller.origins,
  );
}
