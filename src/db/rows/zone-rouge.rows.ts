import { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";

/** Columns of `zone_rouge z` that make a ZoneRouge. */
export const ZONE_ROUGE_COLUMNS = "z.epci_siren, z.designated_on, z.programme, z.confirmed, z.note, z.source_id";

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
