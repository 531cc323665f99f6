// Loaded first: the entities are type-graphql classes, whose decorators need it.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSchema, validate } from "graphql";
import { createApiKey, revokeApiKey, setKeyOrigins } from "../auth/api-key.service";
import { type Role, ROLES } from "../auth/caller";
import { checkManifest, PUBLIC_DOCUMENTS } from "../auth/trusted-documents";
import { readOrigins } from "../auth/origins";
import { ConfigError, loadConfig } from "../config/config";
import { type Database, openDatabase } from "../db/database";
import { sql } from "../db/sql-dialect";
import { OrganizationKind } from "../entities/initiatives/organization-kind";
import { SCHEMA_FILE } from "../schema/api-schema";
import { PROJECT_ROOT } from "../config/project-root";
import { storeTrustedDocuments } from "../services/shared/trusted-documents.service";

const USAGE = `Usage:
  npm run keys -- create --org ID --role ${ROLES.join("|")} [--region CODE] [--label TEXT]
                         [--origin https://… (repeatable)] [--documents-only]
                         [--org-name NAME --org-kind ${Object.values(OrganizationKind).join("|")}]   (creates the organization if new)
  npm run keys -- origins --id KEY_ID [--origin https://… (repeatable; none: any origin)]
  npm run keys -- revoke --id KEY_ID
  npm run keys -- list
  npm run keys -- documents register (--key KEY_ID | --public) --manifest FILE
  npm run keys -- documents list (--key KEY_ID | --public)

The key is printed once; only its SHA-256 hash is stored. An embed key (--role embed, for a web
page) reads only, only the documents registered for it, only from its --origin pages. A manifest
is the JSON GraphQL Code Generator's client preset or gql.tada writes ({ "<sha256>": "<document>" });
its documents are checked against the API schema (docs/partners.md).`;

/** Who the command line acts as, in the audit trail. */
const OPERATOR = (organizationId: string) => ({ keyId: "cli", organizationId });

async function documents(db: Database, action: string | undefined, values: { key?: string; public?: boolean; manifest?: string }): Promise<number> {
  const owner = values.public ? PUBLIC_DOCUMENTS : values.key;
  if (!owner || (values.public && values.key)) throw new ConfigError("documents needs --key KEY_ID or --public (one of them)");
  let organization = "territoire-sante";
  if (owner !== PUBLIC_DOCUMENTS) {
    const [key] = await sql<{ organization_id: string }>(db, "SELECT organization_id FROM api_key WHERE id = ? AND revoked_at IS NULL", [owner]);
    if (!key) throw new ConfigError(`no active key with id ${owner}`);
    organization = key.organization_id;
  }
  if (action === "list") {
    const rows = await sql<{ id: string; operation_name: string | null; registered_at: string }>(db, "SELECT id, operation_name, registered_at FROM trusted_document WHERE owner = ? ORDER BY registered_at, id", [owner]);
    for (const r of rows) process.stdout.write(`sha256:${r.id}  ${r.operation_name ?? "(unnamed)"}  registered ${r.registered_at}\n`);
    return 0;
  }
  if (action !== "register") throw new ConfigError('documents needs "register" or "list"');
  if (!values.manifest) throw new ConfigError("documents register needs --manifest FILE");
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(values.manifest, "utf8"));
  } catch (error) {
    throw new ConfigError(`--manifest ${values.manifest}: ${(error as Error).message}`);
  }
  // schema.graphql is the API schema this code serves (npm run schema:check holds it to the served one).
  const schema = buildSchema(fs.readFileSync(path.join(PROJECT_ROOT, SCHEMA_FILE), "utf8"));
  const entries = checkManifest(manifest, (document) => validate(schema, document));
  const done = await db.dataSource.transaction((manager) => storeTrustedDocuments(manager, OPERATOR(organization), owner, entries));
  process.stdout.write(`${done.registered} documents for ${owner}: ${done.added} new, ${done.registered - done.added} already registered\n`);
  return 0;
}

/** `npm run keys -- …`: creates, binds, revokes and lists API keys, and registers their trusted documents. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      org: { type: "string" },
      role: { type: "string" },
      region: { type: "string" },
      label: { type: "string" },
      origin: { type: "string", multiple: true },
      "documents-only": { type: "boolean" },
      "org-name": { type: "string" },
      "org-kind": { type: "string" },
      id: { type: "string" },
      key: { type: "string" },
      public: { type: "boolean" },
      manifest: { type: "string" },
    },
  });
  const command = positionals[0];
  if (!command || !["create", "origins", "revoke", "list", "documents"].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    return 2;
  }
  const db = await openDatabase(loadConfig().database);
  try {
    if (command === "create") {
      if (!values.org || !values.role) throw new ConfigError("create needs --org and --role");
      if (!ROLES.includes(values.role as Role)) throw new ConfigError(`--role must be one of ${ROLES.join(", ")} (received "${values.role}")`);
      if (values["org-name"]) {
        const kind = values["org-kind"] as OrganizationKind | undefined;
        if (!kind || !Object.values(OrganizationKind).includes(kind)) throw new ConfigError(`--org-kind must be one of ${Object.values(OrganizationKind).join(", ")}`);
        await sql(db, "INSERT INTO organization (id, name, kind, region_code) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", [values.org, values["org-name"], kind, values.region ?? null]);
      }
      const { id, key } = await createApiKey(db, {
        organizationId: values.org,
        role: values.role as Role,
        regionCode: values.region ?? null,
        label: values.label ?? null,
        origins: values.origin,
        documentsOnly: values["documents-only"],
      });
      process.stdout.write(`key id: ${id}\nkey:    ${key}\n(shown once: store it now; send it as "Authorization: Bearer <key>")\n`);
    } else if (command === "origins") {
      if (!values.id) throw new ConfigError("origins needs --id");
      const origins = await setKeyOrigins(db, values.id, values.origin ?? []);
      process.stdout.write(`key ${values.id}: ${origins ? `only from ${origins.join(", ")}` : "from any origin"}\n`);
    } else if (command === "revoke") {
      if (!values.id) throw new ConfigError("revoke needs --id");
      const revoked = await revokeApiKey(db, values.id);
      process.stdout.write(revoked ? `key ${values.id} revoked\n` : `no active key with id ${values.id}\n`);
      return revoked ? 0 : 1;
    } else if (command === "documents") {
      return await documents(db, positionals[1], values);
    } else {
      const rows = await sql<Record<string, unknown>>(db, "SELECT id, organization_id, role, region_code, label, created_at, revoked_at, origins, documents_only FROM api_key ORDER BY created_at");
      for (const r of rows) {
        const origins = readOrigins(r.origins);
        const only = r.documents_only === true || r.documents_only === 1;
        process.stdout.write(
          `${r.id}  ${r.organization_id}  ${r.role}${r.region_code ? ` (${r.region_code})` : ""}  created ${r.created_at}${r.revoked_at ? `  REVOKED ${r.revoked_at}` : ""}` +
            `${origins ? `  origins ${origins.join(" ")}` : ""}${only ? "  documents only" : ""}${r.label ? `  ${r.label}` : ""}\n`,
        );
      }
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A refused manifest lists every wrong entry, one per line.
    const problems = (error as { extensions?: { problems?: string[] } }).extensions?.problems;
    const message = problems ? `manifest refused, nothing registered:\n  ${problems.join("\n  ")}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`keys: ${message}\n`);
    process.exit(1);
  },
);
