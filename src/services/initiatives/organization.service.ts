import type { RequestContext } from "../../context/request-context";
import type { Organization } from "../../entities/initiatives/organization.entity";
import type { OrganizationKind } from "../../entities/initiatives/organization-kind";
import { toOrganization } from "../../db/rows/organization.rows";
import { sql } from "../../db/sql-dialect";

/** Organizations that carry initiatives, by name; all kinds unless one is given. */
export async function listOrganizations(ctx: RequestContext, kind: OrganizationKind | undefined): Promise<Organization[]> {
  const rows = await sql<Record<string, unknown>>(
    ctx.db,
    `SELECT id, name, kind, region_code FROM organization${kind ? " WHERE kind = ?" : ""} ORDER BY name`,
    kind ? [kind] : [],
  );
  return rows.map(toOrganization);
}
