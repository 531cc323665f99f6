import type { DataSource } from "typeorm";
import type { Volunteer } from "../../entities/initiatives/volunteer.entity";
import { toVolunteer } from "../../services/initiatives/mission.service";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";

export function createVolunteerLoaders(db: DataSource, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Volunteer | null>("volunteer.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, "SELECT id, organization_id, display_name, specialty, retired FROM volunteer WHERE id IN ({keys})", ids);
      return oneByKey(ids, rows.map(toVolunteer), (v) => v.id);
    }, batching),
  };
}
