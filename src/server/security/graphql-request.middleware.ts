import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { BadRequestError, PersistedQueryHashMismatchError } from "../../errors/errors";
import { sendHttpError } from "../../errors/http-answer";

/**
 * Deepest nesting of arrays and objects accepted in `variables`. Our deepest input (an
 * initiative's places) nests 4 levels; a hostile client nesting thousands of levels would
 * overflow the stack of whatever walks the value recursively (the response cache's key did).
 */
export const MAX_VARIABLES_DEPTH = 32;

/**
 * Checks the shape of a GraphQL request before anything reads it (the token limit, the response
 * cache, Apollo Server): `variables` nested at most MAX_VARIABLES_DEPTH levels, and an automatic
 * persisted query's `sha256Hash` equal to the hash of the `query` text it comes with. Either
 * fault is answered 400 (BAD_REQUEST, PERSISTED_QUERY_HASH_MISMATCH); a mismatched text is never
 * looked up in the cache nor run.
 */
export function checkGraphQLRequest(): RequestHandler {
  return (req, res, next) => {
    const params = (req.method === "POST" ? req.body : req.query) as Record<string, unknown> | undefined;
    try {
      checkVariables(params?.variables);
      checkPersistedQuery(params?.query, params?.extensions);
    } catch (error) {
      // Only typed errors are thrown here; `next` would take anything else to the error middleware.
      return sendHttpError(res, error, next);
    }
    next();
  };
}

function checkVariables(variables: unknown): void {
  // GET carries variables as JSON text, which Apollo parses later: measure the text itself.
  const depth = typeof variables === "string" ? textDepth(variables, MAX_VARIABLES_DEPTH) : valueDepth(variables, MAX_VARIABLES_DEPTH);
  if (depth > MAX_VARIABLES_DEPTH) {
    throw new BadRequestError(`variables must not nest arrays and objects more than ${MAX_VARIABLES_DEPTH} levels deep (received more)`);
  }
}

/** Nesting depth of a parsed JSON value, walked without recursion; stops counting past `limit`. */
function valueDepth(root: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Nesting depth of JSON text (brackets outside strings); stops counting past `limit`. */
function textDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

function checkPersistedQuery(query: unknown, extensions: unknown): void {
  let parsed = extensions;
  if (typeof extensions === "string") {
    try {
      parsed = JSON.parse(extensions);
    } catch {
      return; // Apollo answers unreadable extensions itself (400 BAD_REQUEST)
    }
  }
  const persisted = (parsed as { persistedQuery?: unknown } | null | undefined)?.persistedQuery;
  if (persisted === undefined || persisted === null || typeof persisted !== "object") return;
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) throw new BadRequestError(`extensions.persistedQuery.version must be 1 (received ${JSON.stringify(version) ?? "nothing"})`);
  if (typeof sha256Hash !== "string") throw new BadRequestError("extensions.persistedQuery.sha256Hash must be the SHA-256 of the query text, in hexadecimal");
  if (typeof query !== "string") return; // a lookup by hash: Apollo answers PERSISTED_QUERY_NOT_FOUND or runs the stored text
  const computed = createHash("sha256").update(query).digest("hex");
  if (computed !== sha256Hash) throw new PersistedQueryHashMismatchError(sha256Hash, computed);
}
