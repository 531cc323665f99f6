// Loaded first: the entities are type-graphql classes, whose decorators need it.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/config";
import { openDatabase } from "../db/database";
import { sql } from "../db/sql-dialect";
import { OrganizationKind } from "../entities/initiatives/organization-kind";
import { createApiKey, revokeApiKey } from "./api-key.service";
import { type Role, ROLES } from "./caller";

const USAGE = `Usage:
  npm run keys -- create --org ID --role ${ROLES.join("|")} [--region CODE] [--label TEXT]
                         [--org-name NAME --org-kind ${Object.values(OrganizationKind).join("|")}]   (creates the organization if new)
  npm run keys -- revoke --id KEY_ID
  npm run keys -- list

The key is printed once; only its SHA-256 hash is stored.`;

/** `npm run keys -- …`: creates, revokes and lists API keys in the configured database. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      org: { type: "string" },
      role: { type: "string" },
      region: { type: "string" },
      label: { type: "string" },
      "org-name": { type: "string" },
      "org-kind": { type: "string" },
      id: { type: "string" },
    },
  });
  const command = positionals[0];
  if (!command || !["create", "revoke", "list"].includes(command)) {
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
      const { id, key } = await createApiKey(db, { organizationId: values.org, role: values.role as Role, regionCode: values.region ?? null, label: values.label ?? null });
      process.stdout.write(`key id: ${id}\nkey:    ${key}\n(shown once: store it now; send it as "Authorization: Bearer <key>")\n`);
    } else if (command === "revoke") {
      if (!values.id) throw new ConfigError("revoke needs --id");
      const revoked = await revokeApiKey(db, values.id);
      process.stdout.write(revoked ? `key ${values.id} revoked\n` : `no active key with id ${values.id}\n`);
      return revoked ? 0 : 1;
    } else {
      const rows = await sql<Record<string, unknown>>(db, "SELECT id, organization_id, role, region_code, label, created_at, revoked_at FROM api_key ORDER BY created_at");
      for (const r of rows) {
        process.stdout.write(`${r.id}  ${r.organization_id}  ${r.role}${r.region_code ? ` (${r.region_code})` : ""}  created ${r.created_at}${r.revoked_at ? `  REVOKED ${r.revoked_at}` : ""}${r.label ? `  ${r.label}` : ""}\n`);
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
    process.stderr.write(`keys: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
