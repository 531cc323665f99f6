import type { Organization } from "../../entities/initiatives/organization.entity";
import { ORGANIZATION_COLUMNS, toOrganization } from "../../db/rows/organization.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export function createOrganizationLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Organization | null>("organization.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE o.id IN ({keys})`, ids);
      return oneByKey(ids, rows.map(toOrganization), (o) => o.id);
    }, batching),
  };
}
