import { ZoneNeeds } from "../../entities/initiatives/zone-needs.entity";

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
