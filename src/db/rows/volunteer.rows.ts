import { Volunteer } from "../../entities/initiatives/volunteer.entity";

/** Columns of `volunteer` that make a Volunteer. */
export const VOLUNTEER_COLUMNS = "id, organization_id, display_name, specialty, retired";

export function toVolunteer(row: Record<string, unknown>): Volunteer {
  return Object.assign(new Volunteer(), {
    id: String(row.id),
    organizationId: String(row.organization_id),
    displayName: String(row.display_name),
    specialty: String(row.specialty),
    retired: row.retired === true || row.retired === 1,
  });
}
