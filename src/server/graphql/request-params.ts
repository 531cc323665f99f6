import type { IncomingMessage } from "node:http";
import { BadRequestError } from "../../errors/errors";
import { refuseDeepJson } from "../security/graphql-params.check";
import { type BodyLimits, decodeJsonText, readBody } from "./request-body";

/** The GraphQL-over-HTTP parameters of a request, as sent: strings in a GET query string, any JSON in a POST body. */
export interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
  /** A trusted document's id (`sha256:<hex>`), instead of `query` (the GraphQL-over-HTTP persisted-documents appendix). */
  documentId?: unknown;
}

/**
 * One GraphQL request as read from HTTP, whatever its form: its parameters for our checks and
 * the response cache, and what Apollo Server reads (`search` for GET, `body` for POST).
 */
export interface ReadRequest {
  method: string;
  params: GraphQLParams | undefined;
  search: string;
  body: unknown;
}

/** `application/json`, with or without a charset: the media type of a GraphQL POST body. */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?([\w-]+)"?\s*)?$/i;

/**
 * The one place where the entry forms differ: how a request's parameters are read.
 * - GET (and HEAD): from the query string;
 * - POST with a JSON body (`application/json`, compressed or not, in UTF-8 or UTF-16): from the
 *   body, parsed as body-parser's strict `json()` would (an object or an array at the top, an
 *   empty body as `{}`, nested at most MAX_JSON_DEPTH levels);
 * - anything else: no parameters (a POST body is read and dropped); Apollo Server answers it.
 */
export async function readGraphQLRequest(req: IncomingMessage, bodyLimits: BodyLimits): Promise<ReadRequest> {
  const method = req.method ?? "GET";
  const url = req.url ?? "/graphql";
  const mark = url.indexOf("?");
  const search = mark === -1 ? "" : url.slice(mark);
  if (method === "GET" || method === "HEAD") return { method, params: paramsOfSearch(search), search, body: undefined };
  if (method !== "POST") return { method, params: undefined, search, body: undefined };
  const type = JSON_TYPE.exec(req.headers["content-type"] ?? "");
  const raw = await readBody(req, bodyLimits);
  if (!type) return { method, params: undefined, search, body: undefined };
  const body = parseJson(raw, type[1]);
  const params = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as GraphQLParams) : undefined;
  return { method, params, search, body };
}

function paramsOfSearch(search: string): GraphQLParams {
  const query = new URLSearchParams(search);
  const params: GraphQLParams = {};
  for (const name of ["query", "operationName", "variables", "extensions", "documentId"] as const) {
    const value = query.get(name);
    if (value !== null) params[name] = value;
  }
  return params;
}

function parseJson(raw: Buffer, charset: string | undefined): unknown {
  // Before parsing, from the raw bytes (brackets and quotes read the same in UTF-8 and UTF-16).
  refuseDeepJson(raw);
  const text = decodeJsonText(raw, charset).trim();
  if (text === "") return {};
  if (text[0] !== "{" && text[0] !== "[") throw new BadRequestError("The request body is not valid JSON");
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body is not valid JSON");
  }
}
