import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";
import { bool, sql } from "../db/sql-dialect";
import { parseOrigins, readOrigins, storeOrigins } from "./origins";
import { UnauthenticatedError } from "../errors/errors";
import { ANONYMOUS, type Caller, Role, ROLES } from "./caller";
import type { SqlRunner } from "../db/sql-dialect";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const KEY_FORMAT = /^tsk_([A-Za-z0-9]{12})_([A-Za-z0-9]{32})$/;

function randomText(length: number): string {
  // Rejection sampling keeps every character equally likely.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export interface NewKey {
  id: string;
  /** The whole key, shown once: only its hash is stored. */
  key: string;
}

export interface CreateKeyInput {
  organizationId: string;
  role: Role;
  regionCode?: string | null;
  label?: string | null;
  /** Page origins the key may be used from; none: any (a key kept on a server). An embed key needs at least one. */
  origins?: readonly string[];
  /** Only trusted documents by `documentId`. Forced for an embed key. */
  documentsOnly?: boolean;
}

/** Creates an API key: `tsk_<id>_<secret>`, 12 + 32 random characters (about 190 bits of secret). */
export async function createApiKey(db: SqlRunner, input: CreateKeyInput): Promise<NewKey> {
  if (!ROLES.includes(input.role)) throw new Error(`role must be one of ${ROLES.join(", ")} (received "${input.role}")`);
  if (input.role === Role.TERRITORIAL_ADMIN && !input.regionCode) throw new Error("a territorial-admin key needs --region (the région it acts in)");
  const origins = input.origins && input.origins.length > 0 ? parseOrigins(input.origins) : null;
  if (input.role === Role.EMBED && !origins) throw new Error("an embed key needs --origin (the page origins it may be used from: a key in a page is public)");
  const documentsOnly = input.role === Role.EMBED || input.documentsOnly === true;
  const [organization] = await sql<{ id: string }>(db, "SELECT id FROM organization WHERE id = ?", [input.organizationId]);
  if (!organization) throw new Error(`organization "${input.organizationId}" does not exist (create it with --org-name and --org-kind)`);
  if (input.regionCode) {
    const [region] = await sql<{ code: string }>(db, "SELECT code FROM region WHERE code = ?", [input.regionCode]);
    if (!region) throw new Error(`région "${input.regionCode}" does not exist`);
  }
  const id = randomText(12);
  const key = `tsk_${id}_${randomText(32)}`;
  await sql(db, "INSERT INTO api_key (id, secret_hash, organization_id, role, region_code, label, created_at, origins, documents_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
    id,
    hashKey(key),
    input.organizationId,
    input.role,
    input.regionCode ?? null,
    input.label ?? null,
    new Date().toISOString(),
    storeOrigins(origins),
    bool(db, documentsOnly),
  ]);
  return { id, key };
}

/** Replaces the origins an active key may be used from (none: any); an embed key keeps at least one. */
export async function setKeyOrigins(db: SqlRunner, id: string, given: readonly string[]): Promise<string[] | null> {
  const [row] = await sql<{ role: string }>(db, "SELECT role FROM api_key WHERE id = ? AND revoked_at IS NULL", [id]);
  if (!row) throw new Error(`no active key with id ${id}`);
  const origins = given.length > 0 ? parseOrigins(given) : null;
  if (row.role === Role.EMBED && !origins) throw new Error("an embed key needs at least one origin");
  await sql(db, "UPDATE api_key SET origins = ? WHERE id = ?", [storeOrigins(origins), id]);
  knownKeys.delete(id); // in this process at once; other processes within KEY_CACHE_TTL_MS
  return origins;
}

export async function revokeApiKey(db: SqlRunner, id: string): Promise<boolean> {
  const rows = await sql<{ id: string }>(db, "SELECT id FROM api_key WHERE id = ? AND revoked_at IS NULL", [id]);
  if (rows.length === 0) return false;
  await sql(db, "UPDATE api_key SET revoked_at = ? WHERE id = ?", [new Date().toISOString(), id]);
  knownKeys.delete(id); // in this process at once; other processes within KEY_CACHE_TTL_MS
  return true;
}

/**
 * How long a key's row is trusted without reading it again: a key revoked by another process
 * (the `keys` CLI, another server) is refused at most this long after. Partners send a key
 * with every request; reading its row each time was one SQL statement per request.
 */
export const KEY_CACHE_TTL_MS = 5000;
type KeyRow = {
  secret_hash: string;
  organization_id: string;
  role: string;
  region_code: string | null;
  revoked_at: string | null;
  origins: string | null;
  documents_only: boolean | number;
};
/** Rows of recently used keys by key id (unknown ids are not kept: a flood of made-up keys cannot evict real ones). */
const knownKeys = new LRUCache<string, KeyRow>({ max: 10_000, ttl: KEY_CACHE_TTL_MS });

async function keyRow(db: SqlRunner, id: string): Promise<KeyRow | undefined> {
  const known = knownKeys.get(id);
  if (known) return known;
  const [row] = await sql<KeyRow>(db, "SELECT secret_hash, organization_id, role, region_code, revoked_at, origins, documents_only FROM api_key WHERE id = ?", [id]);
  if (row) knownKeys.set(id, row);
  return row;
}

/**
 * The caller an `Authorization` header names. No header: anonymous. A header that is not a
 * valid, unrevoked key: UNAUTHENTICATED (a wrong key never silently becomes anonymous).
 */
export async function authenticate(db: SqlRunner, authorization: string | undefined): Promise<Caller> {
  if (authorization === undefined || authorization.trim() === "") return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError("The Authorization header must be 'Bearer <API key>'");
  const parsed = KEY_FORMAT.exec(match[1]);
  if (!parsed) throw new UnauthenticatedError("The API key is malformed: keys look like tsk_<12 characters>_<32 characters>");
  const row = await keyRow(db, parsed[1]);
  const expected = Buffer.from(row?.secret_hash ?? "0".repeat(64), "hex");
  const given = Buffer.from(hashKey(match[1]), "hex");
  if (!row || !timingSafeEqual(expected, given)) throw new UnauthenticatedError("The API key is not valid");
  if (row.revoked_at) throw new UnauthenticatedError("The API key was revoked");
  return {
    kind: "key",
    keyId: parsed[1],
    organizationId: row.organization_id,
    role: row.role as Role,
    regionCode: row.region_code,
    origins: readOrigins(row.origins),
    documentsOnly: row.documents_only === true || row.documents_only === 1,
  };
}
