import { ZoneNeeds } from "../../entities/initiatives/zone-needs.entity";
import { tableRead, UNREAD } from "./table-read";

/** The columns of `zone_need n` that make a ZoneNeeds. */
export const ZONE_NEEDS_READ = tableRead("zone_need", "n", ["epci_siren", "days_wanted_per_month", "consultation_rooms", "medical_equipment", "lodging", "note"], { updated_at: UNREAD.audit });
export const ZONE_NEEDS_COLUMNS = ZONE_NEEDS_READ.select;

export function toZoneNeeds(row: Record<string, unknown>): ZoneNeeds {
  return Object.assign(new ZoneNeeds(), {
    epciSiren: String(row.epci_siren),
    daysWantedPerMonth: Number(row.days_wanted_per_month),
    consultationRooms: Number(row.consultation_rooms),
    medicalEquipment: row.medical_equipment === true || row.medical_equipment === 1,
    lodging: row.lodging === true || row.lodging === 1,
    note: row.note === null || row.note === undefined ? null : String(row.note),
  });
}
