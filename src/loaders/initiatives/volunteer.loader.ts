import type { Volunteer } from "../../entities/initiatives/volunteer.entity";
import { VOLUNTEER_COLUMNS, toVolunteer } from "../../db/rows/volunteer.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export function createVolunteerLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Volunteer | null>("volunteer.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${VOLUNTEER_COLUMNS} FROM volunteer WHERE id IN ({keys})`, ids);
      return oneByKey(ids, rows.map(toVolunteer), (v) => v.id);
    }, batching),
  };
}
