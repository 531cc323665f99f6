import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import accepts from "accepts";
import type { Caller } from "../../auth/caller";
import type { ResponseCache } from "../../cache/response-cache";
import { lookUpAnswer } from "../../cache/response-cache.lookup";
import type { RequestContext } from "../../context/request-context";
import type { RequestRecord } from "../../context/request-record";
import { sendHttpError } from "../../errors/http-answer";
import type { RequestObserver } from "../../observability/request-observer.middleware";
import { Role } from "../../auth/caller";
import { checkKeyOrigin, type Cors } from "../security/cors";
import { checkGraphQLParams } from "../security/graphql-params.check";
import { countRequest, type RateLimiter } from "../security/rate-limit.middleware";
import type { Admission } from "./admission";
import { type FindDocument, resolveTrustedDocument } from "./trusted-document.step";
import { sendAnswer, sendApolloAnswer } from "./answer";
import type { BodyLimits } from "./request-body";
import { readGraphQLRequest, type ReadRequest } from "./request-params";

export interface GraphQLHandlerOptions {
  apollo: ApolloServer<RequestContext>;
  observer: RequestObserver;
  cors: Cors;
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  rateLimit: RateLimiter;
  findDocument: FindDocument;
  /** `Cache-Control: public, max-age` of a GET read by documentId (anonymous or an embed key). */
  documentMaxAgeSeconds: number;
  checkTokens: (query: string | undefined) => void;
  /** Size and arrival-time limits of a request body (413, 408). */
  body: BodyLimits;
  /** Bounds the operations executed at once and their queue (load shedding: 503). */
  admission: Admission;
  responseCache?: ResponseCache;
  context: (caller: Caller, record: RequestRecord) => RequestContext;
  report: (error: unknown) => void;
  /** The GraphiQL page, for a browser's GET without a query; none when GraphiQL is off. */
  graphiqlPage?: () => string;
  /** Tests only (TEST_REQUEST_DELAY_MS). */
  delayMs: number;
}

/** True for the GraphQL endpoint's path (with or without a query string). */
export function isGraphQLPath(url: string | undefined): boolean {
  if (url === undefined || !url.startsWith("/graphql")) return false;
  const rest = url.slice("/graphql".length);
  return rest === "" || rest[0] === "?" || rest === "/" || rest.startsWith("/?");
}

/**
 * Every GraphQL request, whatever its form (POST JSON, compressed or in another charset, GET),
 * goes through these steps, in this order, in this one module:
 *
 *   CORS → observe → refused at once if the admission queue is full → authenticate → key's
 *   origin → rate limit (budget headers) → read the parameters → trusted document → request
 *   checks → token limit → response cache → admission (wait for a turn, or 503) → execute
 *   (Apollo Server) → answer
 *
 * Only "read the parameters" differs between forms (request-params.ts). Errors before execution
 * are answered by `sendHttpError` (src/errors/http-answer.ts), answers by `sendAnswer`
 * (answer.ts: one header and ETag policy). Express is not involved: it serves the other routes.
 */
export function createGraphQLHandler(options: GraphQLHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, responseCache: cache } = options;
  const fail = (res: ServerResponse, error: unknown) => {
    if (res.headersSent) res.destroy();
    else sendHttpError(res, error, options.report);
  };

  const run = async (req: IncomingMessage, res: ServerResponse, record: RequestRecord): Promise<void> => {
    if (options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    options.admission.refuseIfFull();
    // Authenticate: a wrong key is refused (401), never taken for anonymous.
    const caller = await options.authenticate(req.headers.authorization);
    // The request's log line and metrics name the organization, never the key.
    if (caller.kind === "key") record.callerOrganization = caller.organizationId;
    checkKeyOrigin(caller, req.headers.origin);
    await countRequest(options.rateLimit, res, caller, req.socket.remoteAddress);
    const request = await readGraphQLRequest(req, options.body);
    const resolving = resolveTrustedDocument(request, caller, options.findDocument);
    const documentId = resolving === undefined ? undefined : await resolving;
    checkGraphQLParams(request.params as Record<string, unknown> | undefined);
    const query = request.params?.query;
    options.checkTokens(typeof query === "string" ? query : undefined);

    // Anonymous read-only queries: answered from the cache, or their answer kept for the next caller.
    const lookup = cache && req.headers.authorization === undefined && request.params ? lookUpAnswer(cache, cacheParams(request), req.headers.accept) : undefined;
    const found = lookup instanceof Promise ? await lookup : lookup;
    // A read by document id, anonymous or from a page's embed key, may be kept by browsers and shared caches.
    const shared = request.method === "GET" && documentId !== undefined && (caller.kind === "anonymous" || caller.role === Role.EMBED);
    const cacheControl = shared ? `public, max-age=${options.documentMaxAgeSeconds}` : undefined;
    // An embed key's answer depends on its page and its key: a cache must not hand it to another page.
    if (shared && caller.kind === "key") res.setHeader("vary", "Origin, Authorization");
    if (found && "hit" in found) {
      sendAnswer(req, res, 200, [["content-type", found.hit.contentType], ["x-response-cache", "hit"]], found.hit.body, cacheControl);
      return;
    }
    if (found) res.setHeader("x-response-cache", "miss");

    // Overload is shed here, not queued without bound (admission.ts).
    const answer = await options.admission.run(res, () => apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers: headerMapOf(req), search: request.search, body: request.body },
      context: async () => options.context(caller, record),
    }));
    const text = await sendApolloAnswer(req, res, answer, cacheControl);
    if (found && text !== undefined) found.keep(answer.status ?? 200, text, answer.headers.get("content-type") ?? "application/json");
  };

  return (req, res) => {
    if (req.method === "OPTIONS") return options.cors.answerOptions(req, res, options.report);
    options.cors.apply(req, res);
    if (options.graphiqlPage && wantsGraphiQL(req)) {
      sendAnswer(req, res, 200, [["content-type", "text/html; charset=utf-8"]], options.graphiqlPage());
      return;
    }
    options.observer.observe(req, res, (record) => run(req, res, record).catch((error: unknown) => fail(res, error)));
  };
}

/** A browser opening the endpoint: GET without a query or a document id, HTML preferred to JSON. */
function wantsGraphiQL(req: IncomingMessage): boolean {
  if (req.method !== "GET" || /[?&](query|documentId)=/.test(req.url ?? "")) return false;
  return accepts(req).type(["text/html", "application/json"]) === "text/html";
}

/** The parameters the cache keys on, with a GET's variables parsed as Apollo will parse them. */
function cacheParams(request: ReadRequest): { query?: unknown; operationName?: unknown; variables?: unknown } {
  const params = request.params ?? {};
  if (typeof params.variables !== "string") return params;
  try {
    return { ...params, variables: JSON.parse(params.variables) as unknown };
  } catch {
    return { ...params, query: undefined }; // Apollo refuses it: nothing to cache
  }
}

/** The request's headers as Apollo Server takes them (names in lower case, repeated values joined). */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}
