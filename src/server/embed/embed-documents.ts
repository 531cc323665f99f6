import type { DocumentNode, GraphQLError } from "graphql";
import { checkManifest, type ManifestEntry, PUBLIC_DOCUMENTS } from "../../auth/trusted-documents";
import type { Database } from "../../db/database";
import { sql } from "../../db/sql-dialect";
import type { Writer } from "../../db/writer";
import { storeTrustedDocuments } from "../../services/shared/trusted-documents.service";
import { EMBED_VERSIONS, type EmbedVersion, readEmbedManifest } from "./embed-versions";

/** Who registers the embed's documents, in the audit trail. */
const EMBED_REGISTRAR = { keyId: "server-start", organizationId: "territoire-sante" };

export interface EmbedDocumentsOptions {
  db: Database;
  writer: Writer;
  /** Checks a document against the schema this process serves. */
  validate: (document: DocumentNode) => readonly GraphQLError[];
}

/**
 * What registering one version did: how many documents it added; or its manifest refused by this
 * process's schema (a subgraph served alone lacks the other subgraphs' fields); or an error (the database).
 */
export type EmbedRegistration = { version: EmbedVersion; added: number } | { version: EmbedVersion; refused: string } | { version: EmbedVersion; error: unknown };

/**
 * Makes sure every served version's documents are public trusted documents, so that its bundle's
 * calls by id are answered on any database this process serves (a fresh clone, a test's, one
 * seeded before the embed existed). A version whose documents are all there costs one SELECT and
 * writes nothing (no audit record either); otherwise its manifest is checked against the schema and
 * stored in one transaction with its audit record (idempotent: existing documents are kept).
 * Each version on its own: a refused manifest leaves the others registered.
 */
export function registerEmbedDocuments(options: EmbedDocumentsOptions): Promise<EmbedRegistration[]> {
  // Apps started together on one Database share its registration: on SQLite, TypeORM's one
  // connection would otherwise nest their transactions ("cannot start a transaction within a
  // transaction"). A registration that failed is forgotten, so that the next start tries again.
  let pending = registrations.get(options.db);
  if (!pending) {
    pending = register(options);
    registrations.set(options.db, pending);
    void pending.then((done) => {
      if (done.some((r) => "error" in r)) registrations.delete(options.db);
    });
  }
  return pending;
}

const registrations = new WeakMap<Database, Promise<EmbedRegistration[]>>();

async function register(options: EmbedDocumentsOptions): Promise<EmbedRegistration[]> {
  const done: EmbedRegistration[] = [];
  for (const version of EMBED_VERSIONS) {
    try {
      const manifest = readEmbedManifest(version);
      const ids = Object.keys(manifest).map((id) => id.replace(/^sha256:/, ""));
      const held = await sql<{ id: string }>(options.db, `SELECT id FROM trusted_document WHERE owner = ? AND id IN (${ids.map(() => "?").join(", ")})`, [PUBLIC_DOCUMENTS, ...ids]);
      if (held.length === ids.length) {
        done.push({ version, added: 0 });
        continue;
      }
      let entries: ManifestEntry[];
      try {
        entries = checkManifest(manifest, options.validate);
      } catch (error) {
        done.push({ version, refused: (error as Error).message });
        continue;
      }
      const stored = await options.writer.transaction((tx) => storeTrustedDocuments(tx, EMBED_REGISTRAR, PUBLIC_DOCUMENTS, entries));
      done.push({ version, added: stored.added });
    } catch (error) {
      done.push({ version, error });
    }
  }
  return done;
}
