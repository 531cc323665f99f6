import { requireKey } from "../../auth/authorization";
import { Role } from "../../auth/caller";
import { checkManifest, type ManifestEntry, PUBLIC_DOCUMENTS } from "../../auth/trusted-documents";
import type { RequestContext } from "../../context/request-context";
import { sql, type SqlRunner } from "../../db/sql-dialect";
import { ForbiddenError, NotFoundError, ServiceUnavailableError } from "../../errors/errors";
import { type Actor, audit } from "./audit.service";

/** What one registration did. */
export interface DocumentsRegistered {
  /** The key the documents were registered for, or "public". */
  owner: string;
  /** Documents in the manifest. */
  registered: number;
  /** Of them, new ones (a manifest registered again adds nothing). */
  added: number;
  /** Their ids, as clients send them (`sha256:<hex>`). */
  documentIds: string[];
}


/**
 * Stores checked manifest entries for `owner`, in one transaction with its audit record: every
 * entry or none. An entry already registered is kept as it is (idempotent).
 */
export async function storeTrustedDocuments(tx: SqlRunner, registrar: Actor, owner: string, entries: ManifestEntry[]): Promise<DocumentsRegistered> {
  const now = new Date().toISOString();
  let added = 0;
  for (const entry of entries) {
    const inserted = await sql(tx, "INSERT INTO trusted_document (owner, id, document, operation_name, registered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner, id) DO NOTHING RETURNING id", [
      owner,
      entry.id,
      entry.document,
      entry.operationName,
      now,
    ]);
    added += inserted.length;
  }
  const documentIds = entries.map((e) => `sha256:${e.id}`);
  await audit(tx, registrar, "registerTrustedDocuments", "trusted_document", owner, null, { documentIds, added });
  return { owner, registered: entries.length, added, documentIds };
}

/** The organization of an active key, or null. */
async function organizationOfKey(db: SqlRunner, keyId: string): Promise<{ organization_id: string; documents_only: unknown } | null> {
  const [row] = await sql<{ organization_id: string; documents_only: unknown }>(db, "SELECT organization_id, documents_only FROM api_key WHERE id = ? AND revoked_at IS NULL", [keyId]);
  return row ?? null;
}

/**
 * `registerTrustedDocuments`: a manifest for one of the caller's organization's keys (admins: any
 * key, or the public documents). Keys that only run documents (embed keys, documents-only keys)
 * cannot register: a page holding one could otherwise allow itself any operation.
 */
export async function registerTrustedDocuments(ctx: RequestContext, target: { keyId?: string | null; public?: boolean | null }, manifest: unknown): Promise<DocumentsRegistered> {
  const caller = requireKey(ctx.caller);
  if (caller.documentsOnly) {
    throw new ForbiddenError("A key that only runs trusted documents cannot register them: register its manifest with a partner key of the same organization, an admin key, or `npm run keys -- documents register`");
  }
  let owner: string;
  if (target.public) {
    if (caller.role !== Role.ADMIN) throw new ForbiddenError("Only an admin key registers public documents (those anyone may call by id)");
    owner = PUBLIC_DOCUMENTS;
  } else {
    owner = target.keyId ?? caller.keyId;
    const key = await organizationOfKey(ctx.db, owner);
    if (!key) throw new NotFoundError(`No active API key with id "${owner}"`);
    if (caller.role !== Role.ADMIN && key.organization_id !== caller.organizationId) {
      throw new ForbiddenError(`Key "${owner}" belongs to another organization: register documents for your organization's keys only`);
    }
  }
  const validate = ctx.validateDocument;
  if (!validate) throw new ServiceUnavailableError("This process cannot check documents against the API schema: register them through the gateway, or with `npm run keys -- documents register`");
  const entries = checkManifest(manifest, validate);
  return ctx.writer.transaction((tx) => storeTrustedDocuments(tx, caller, owner, entries));
}
