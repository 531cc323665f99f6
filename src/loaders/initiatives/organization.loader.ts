import type { DataSource } from "typeorm";
import type { Organization } from "../../entities/initiatives/organization.entity";
import { toOrganization } from "../../db/rows/organization.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";

export function createOrganizationLoaders(db: DataSource, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Organization | null>("organization.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, "SELECT id, name, kind, region_code FROM organization WHERE id IN ({keys})", ids);
      return oneByKey(ids, rows.map(toOrganization), (o) => o.id);
    }, batching),
  };
}
