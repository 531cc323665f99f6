import { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import { tableRead } from "./table-read";

/** The columns of `zone_rouge z` that make a ZoneRouge. */
export const ZONE_ROUGE_READ = tableRead("zone_rouge", "z", ["epci_siren", "designated_on", "programme", "confirmed", "note", "source_id"]);
export const ZONE_ROUGE_COLUMNS = ZONE_ROUGE_READ.select;

export function toZoneRouge(row: Record<string, unknown>): ZoneRouge {
  const zone = new ZoneRouge();
  zone.epciSiren = String(row.epci_siren);
  zone.designatedOn = String(row.designated_on);
  zone.programme = String(row.programme);
  zone.confirmed = row.confirmed === true || row.confirmed === 1;
  zone.note = row.note === null || row.note === undefined ? null : String(row.note);
  zone.sourceId = String(row.source_id);
  return zone;
}
