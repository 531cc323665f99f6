import { SasPlatform } from "../../entities/care-offer/sas-platform.entity";

export function toSasPlatform(row: Record<string, unknown>): SasPlatform {
  const platform = new SasPlatform();
  platform.id = String(row.id);
  platform.name = String(row.name);
  platform.appointmentsBooked = row.appointments_booked === null ? null : Number(row.appointments_booked);
  platform.sourceId = row.source_id === null ? null : String(row.source_id);
  platform.openedOn = row.opened_on === null || row.opened_on === undefined ? null : String(row.opened_on);
  platform.operators = row.operators === null || row.operators === undefined ? null : String(row.operators);
  return platform;
}
