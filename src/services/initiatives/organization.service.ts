import type { RequestContext } from "../../context/request-context";
import type { Organization } from "../../entities/initiatives/organization.entity";
import type { OrganizationKind } from "../../entities/initiatives/organization-kind";
import { ORGANIZATION_COLUMNS, toOrganization } from "../../db/rows/organization.rows";
import { sql } from "../../db/sql-dialect";

/** Organizations that carry initiatives, by name; all kinds unless one is given. */
export async function listOrganizations(ctx: RequestContext, kind: OrganizationKind | undefined): Promise<Organization[]> {
  const rows = await sql<Record<string, unknown>>(
    ctx.db,
    `SELECT ${ORGANIZATION_COLUMNS} FROM organization o${kind ? " WHERE o.kind = ?" : ""} ORDER BY o.name`,
    kind ? [kind] : [],
  );
  return rows.map(toOrganization);
}
