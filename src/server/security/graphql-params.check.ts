import { createHash } from "node:crypto";
import { BadRequestError, PersistedQueryHashMismatchError } from "../../errors/errors";

/**
 * Deepest nesting of arrays and objects accepted in a JSON request body (and in a GET request's
 * `variables`). Our deepest input (an initiative's places) nests 5 levels in a body; a hostile
 * client nesting thousands of levels costs megabytes to parse and overflows the stack of whatever
 * walks the value recursively (the response cache's key did, and answered 500).
 */
export const MAX_JSON_DEPTH = 32;

/** One message whatever carried the nesting (a POST body, a GET request's variables). */
const DEEP_MESSAGE = `The request's parameters must not nest arrays and objects more than ${MAX_JSON_DEPTH} levels deep`;

/**
 * Refuses a body nested more than MAX_JSON_DEPTH levels from its raw bytes, before it is parsed
 * (400 BAD_REQUEST).
 */
export function refuseDeepJson(body: Buffer): void {
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new BadRequestError(DEEP_MESSAGE);
  }
}

/**
 * Checks a GraphQL request's parameters (a POST body, or a GET query string) before anything
 * reads them (the token limit, the response cache, Apollo Server): a GET request's `variables`
 * nested at most MAX_JSON_DEPTH levels (a POST body was measured by refuseDeepJson), and an
 * automatic persisted query's `sha256Hash` equal to the hash of the `query` text it comes with
 * (400 PERSISTED_QUERY_HASH_MISMATCH otherwise): a mismatched text is never looked up in the
 * cache nor run. A request without an operation (no `query`, no persisted query) is refused
 * here, with one message whatever its form. Throws BadRequestError or PersistedQueryHashMismatchError.
 */
export function checkGraphQLParams(params: Record<string, unknown> | undefined): void {
  if (typeof params?.variables === "string" && jsonDepth(Buffer.from(params.variables), MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new BadRequestError(DEEP_MESSAGE);
  }
  checkPersistedQuery(params?.query, params?.extensions);
  if (params && (params.query === undefined || params.query === "") && !hasPersistedQuery(params.extensions)) {
    throw new BadRequestError("GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.");
  }
}

/** Whether `extensions` (an object, or its JSON text in a GET) carries an automatic persisted query. */
function hasPersistedQuery(extensions: unknown): boolean {
  if (typeof extensions === "string") return extensions.includes('"persistedQuery"');
  return typeof extensions === "object" && extensions !== null && "persistedQuery" in extensions;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_ARRAY, OPEN_OBJECT, CLOSE_ARRAY, CLOSE_OBJECT] = [0x5b, 0x7b, 0x5d, 0x7d];

/** Nesting depth of JSON text (brackets outside strings), in one pass over its bytes; stops counting past `limit`. */
function jsonDepth(text: Buffer, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
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
