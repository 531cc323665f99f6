import { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import { toSearchText } from "../search-text";
import { tableRead } from "./table-read";

/** The columns of `professional_commune` that make a ProfessionalCount. */
export const PROFESSIONAL_COUNT_READ = tableRead("professional_commune", "", ["source_id", "commune_code", "profession", "specialty", "headcount"]);
export const PROFESSIONAL_COUNT_COLUMNS = PROFESSIONAL_COUNT_READ.select;

export function toProfessionalCount(row: Record<string, unknown>): ProfessionalCount {
  const count = new ProfessionalCount();
  count.sourceId = String(row.source_id);
  count.communeCode = String(row.commune_code);
  count.profession = String(row.profession);
  count.specialtyKey = String(row.specialty);
  count.headcount = Number(row.headcount);
  count.searchText = toSearchText(`${count.profession} ${count.specialtyKey}`);
  return count;
}
