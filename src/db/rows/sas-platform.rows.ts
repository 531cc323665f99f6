import { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { tableRead } from "./table-read";

/** The columns of `sas_platform p` that make a SasPlatform. */
export const SAS_PLATFORM_READ = tableRead("sas_platform", "p", ["id", "name", "appointments_booked", "source_id", "opened_on", "operators"]);
export const SAS_PLATFORM_COLUMNS = SAS_PLATFORM_READ.select;

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
