import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import type { Caller } from "../auth/caller";
import type { ResponseCache } from "../cache/response-cache";
import { lookUpAnswer, sendCachedAnswer } from "../cache/response-cache.middleware";
import type { RequestContext } from "../context/request-context";
import type { RequestRecord } from "../context/request-record";
import { BadRequestError, PayloadTooLargeError } from "../errors/errors";
import { sendHttpError } from "../errors/http-answer";
import type { RequestObserver } from "../observability/request-observer.middleware";
import { checkGraphQLParams, refuseDeepJson } from "./security/graphql-request.middleware";
import type { RateLimiter } from "./security/rate-limit.middleware";

/**
 * Whether a request takes the lean path: `POST /graphql` with a plain JSON body (UTF-8, not
 * compressed). Anything else (GET, a query string, another media type or charset, a
 * `Content-Encoding`) goes through Express, whose body parser handles every variant.
 */
export function isPlainGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== "POST" || req.url !== "/graphql" || req.headers["content-encoding"] !== undefined) return false;
  const type = req.headers["content-type"];
  return type !== undefined && /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(type);
}

export interface GraphQLPostOptions {
  apollo: ApolloServer<RequestContext>;
  observer: RequestObserver;
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  rateLimit: RateLimiter;
  checkTokens: (query: string | undefined) => void;
  maxBodyBytes: number;
  responseCache?: ResponseCache;
  context: (caller: Caller, record: RequestRecord) => RequestContext;
  report: (error: unknown) => void;
  /** Tests only (TEST_REQUEST_DELAY_MS). */
  delayMs: number;
}

/**
 * POST /graphql on `node:http`, without Express: the same steps as the Express chain of app.ts,
 * in the same order and with the same answers (observation, authentication, rate limit, body,
 * request checks, token limit, response cache, Apollo Server), written as plain calls. Express
 * replaces the prototypes of every request and response it handles (`Object.setPrototypeOf`),
 * and its router, body parser and Apollo integration each add their own layer: together they
 * cost about as much CPU as the rest of a point lookup (bench/profile.md).
 */
export function graphqlPostHandler(options: GraphQLPostOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, responseCache: cache } = options;
  const fail = (res: ServerResponse, error: unknown) => {
    if (res.headersSent) res.destroy();
    else sendHttpError(res, error, options.report);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, record: RequestRecord): Promise<void> => {
    if (options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const caller = await options.authenticate(req.headers.authorization);
    // The request's log line and metrics name the organization, never the key.
    if (caller.kind === "key") record.callerOrganization = caller.organizationId;
    await options.rateLimit(caller, req.socket.remoteAddress);
    const body = await readJsonBody(req, options.maxBodyBytes);
    const params = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    checkGraphQLParams(params);
    options.checkTokens(typeof params?.query === "string" ? params.query : undefined);

    // Anonymous read-only queries: answered from the cache, or their answer kept for the next caller.
    const lookup = cache && req.headers.authorization === undefined && params ? lookUpAnswer(cache, params, req.headers.accept) : undefined;
    const found = lookup instanceof Promise ? await lookup : lookup;
    if (found && "hit" in found) return sendCachedAnswer(res, found.hit);
    if (found) res.setHeader("x-response-cache", "miss");

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body },
      context: async () => options.context(caller, record),
    });
    const status = answer.status ?? 200;
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = status;
    if (answer.body.kind === "complete") {
      const text = answer.body.string;
      res.setHeader("content-length", Buffer.byteLength(text));
      res.end(text);
      if (found) found.keep(status, text, String(res.getHeader("content-type") ?? "application/json"));
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => options.observer.observe(req, res, (record) => handle(req, res, record).catch((error: unknown) => fail(res, error)));
}

/**
 * The body of a JSON request, as body-parser's `json()` (strict) reads it for the Express path:
 * at most `limit` bytes (413 PAYLOAD_TOO_LARGE past it), nested at most MAX_JSON_DEPTH levels,
 * an object or an array at the top, an empty body read as `{}`.
 */
function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const refuse = (error: Error) => {
      // The rest of the body is read and dropped, so that the answer reaches the client.
      req.removeAllListeners("data");
      req.resume();
      reject(error);
    };
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) return refuse(new PayloadTooLargeError(limit));
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return refuse(new PayloadTooLargeError(limit));
      chunks.push(chunk);
    });
    req.on("error", reject);
    req.on("end", () => {
      if (received > limit) return;
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      try {
        refuseDeepJson(req, undefined, raw);
        const text = raw.toString("utf8").trim();
        if (text === "") return resolve({});
        if (text[0] !== "{" && text[0] !== "[") throw new SyntaxError("not an object or an array");
        resolve(JSON.parse(text));
      } catch (error) {
        reject(error instanceof SyntaxError ? new BadRequestError("The request body is not valid JSON") : error);
      }
    });
  });
}
