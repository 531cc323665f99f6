import { Organization } from "../../entities/initiatives/organization.entity";
import type { OrganizationKind } from "../../entities/initiatives/organization-kind";
import { tableRead } from "./table-read";

/** The columns of `organization o` that make an Organization. */
export const ORGANIZATION_READ = tableRead("organization", "o", ["id", "name", "kind", "region_code"]);
export const ORGANIZATION_COLUMNS = ORGANIZATION_READ.select;

export function toOrganization(row: Record<string, unknown>): Organization {
  const organization = new Organization();
  organization.id = String(row.id);
  organization.name = String(row.name);
  organization.kind = String(row.kind) as OrganizationKind;
  organization.regionCode = row.region_code === null || row.region_code === undefined ? null : String(row.region_code);
  return organization;
}
