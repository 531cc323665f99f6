import { Volunteer } from "../../entities/initiatives/volunteer.entity";
import { tableRead, UNREAD } from "./table-read";

/** The columns of `volunteer` that make a Volunteer. */
export const VOLUNTEER_READ = tableRead("volunteer", "", ["id", "organization_id", "display_name", "specialty", "retired"], { created_at: UNREAD.audit });
export const VOLUNTEER_COLUMNS = VOLUNTEER_READ.select;

export function toVolunteer(row: Record<string, unknown>): Volunteer {
  return Object.assign(new Volunteer(), {
    id: String(row.id),
    organizationId: String(row.organization_id),
    displayName: String(row.display_name),
    specialty: String(row.specialty),
    retired: row.retired === true || row.retired === 1,
  });
}
