import { createHash } from "node:crypto";
import { type DocumentNode, type GraphQLError, Kind, parse } from "graphql";
import { LRUCache } from "lru-cache";
import { sql, type SqlRunner } from "../db/sql-dialect";
import { BadRequestError, BadUserInputError, PersistedDocumentNotFoundError } from "../errors/errors";
import type { Caller } from "./caller";

/** Owner of the documents anyone may call by id (the server's own pages, the embeds). */
export const PUBLIC_DOCUMENTS = "public";

/** A document id as the GraphQL-over-HTTP persisted-documents appendix writes it (`sha256:<hex>`), or the bare hex. */
const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/** The SHA-256 (lower-case hex) a `documentId` names; BAD_REQUEST when it is not one. */
export function documentHash(documentId: unknown): string {
  const match = typeof documentId === "string" ? DOCUMENT_ID.exec(documentId) : null;
  if (!match) throw new BadRequestError('documentId must be "sha256:" followed by the 64 lower-case hex digits of the document\'s SHA-256 (the bare hex is accepted too)');
  return match[1];
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Documents already read, by owner and hash. A document's text never changes under its hash, so
 * entries need no expiry; the bound keeps memory in check. Unknown ids are not kept.
 */
const known = new LRUCache<string, string>({ max: 5000 });

/** The text of the trusted document `documentId` names, among the caller key's own then the public ones; 404 when none. */
export async function findTrustedDocument(db: SqlRunner, caller: Caller, documentId: unknown): Promise<string> {
  const hash = documentHash(documentId);
  const owners = caller.kind === "key" ? [caller.keyId, PUBLIC_DOCUMENTS] : [PUBLIC_DOCUMENTS];
  for (const owner of owners) {
    const text = known.get(`${owner}\n${hash}`);
    if (text !== undefined) return text;
  }
  const rows = await sql<{ owner: string; document: string }>(db, `SELECT owner, document FROM trusted_document WHERE id = ? AND owner IN (${owners.map(() => "?").join(", ")})`, [hash, ...owners]);
  const row = rows.find((r) => r.owner === owners[0]) ?? rows[0];
  if (!row) throw new PersistedDocumentNotFoundError(String(documentId));
  known.set(`${row.owner}\n${hash}`, row.document);
  return row.document;
}

/** One entry of a manifest, checked. */
export interface ManifestEntry {
  id: string;
  document: string;
  operationName: string | null;
}

/** Bounds on one manifest: codegen writes one entry per operation, a few hundred at most. */
export const MANIFEST_LIMITS = { entries: 1000, documentChars: 100_000, totalChars: 2_000_000 } as const;

/**
 * Checks a manifest (`{ "<hash>": "<document>" }`, as GraphQL Code Generator's client preset and
 * gql.tada write it) entry by entry: each key the SHA-256 of its document (`sha256:` prefix
 * allowed), each document parseable and valid for the schema (`validate`). Every problem is
 * listed, naming its entry; any problem refuses the whole manifest (BAD_USER_INPUT).
 */
export function checkManifest(manifest: unknown, validate: (document: DocumentNode) => readonly GraphQLError[]): ManifestEntry[] {
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw new BadUserInputError('The manifest must be a JSON object mapping each document\'s SHA-256 to its text: { "<hash>": "<document>" }');
  }
  const items = Object.entries(manifest as Record<string, unknown>);
  if (items.length === 0) throw new BadUserInputError("The manifest holds no document");
  if (items.length > MANIFEST_LIMITS.entries) throw new BadUserInputError(`The manifest holds ${items.length} documents: at most ${MANIFEST_LIMITS.entries} per registration`);
  const total = items.reduce((sum, [, v]) => sum + (typeof v === "string" ? v.length : 0), 0);
  if (total > MANIFEST_LIMITS.totalChars) throw new BadUserInputError(`The manifest's documents total ${total} characters: at most ${MANIFEST_LIMITS.totalChars} per registration`);
  const problems: string[] = [];
  const entries: ManifestEntry[] = [];
  for (const [key, value] of items) {
    const name = `"${key.slice(0, 80)}"`;
    const id = DOCUMENT_ID.exec(key)?.[1];
    if (!id) {
      problems.push(`${name}: not a SHA-256 in lower-case hex (optionally prefixed "sha256:")`);
      continue;
    }
    if (typeof value !== "string" || value.trim() === "") {
      problems.push(`${name}: the document must be a non-empty string`);
      continue;
    }
    if (value.length > MANIFEST_LIMITS.documentChars) {
      problems.push(`${name}: ${value.length} characters, more than ${MANIFEST_LIMITS.documentChars}`);
      continue;
    }
    const computed = sha256Hex(value);
    if (computed !== id) {
      problems.push(`${name}: its document hashes to ${computed}, not to its key`);
      continue;
    }
    let document: DocumentNode;
    try {
      document = parse(value);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    const invalid = validate(document);
    if (invalid.length > 0) {
      problems.push(`${name}: ${invalid.map((e) => e.message).join("; ")}`);
      continue;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operationName = operations.length === 1 && operations[0].kind === Kind.OPERATION_DEFINITION ? (operations[0].name?.value ?? null) : null;
    entries.push({ id, document: value, operationName });
  }
  if (problems.length > 0) {
    throw new BadUserInputError(`The manifest was refused, nothing was registered: ${problems.length} of its ${items.length} entries are wrong. ${problems.join(" | ")}`, { problems });
  }
  return entries;
}
