import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { tableRead } from "./table-read";

/** A stat with the vintage of its source, so a Measure can carry its date. */
export interface DatedStat {
  stat: ProfessionalStat;
  vintage: string;
}

/** The columns of `professional_stat ps` that make a ProfessionalStat. */
export const PROFESSIONAL_STAT_READ = tableRead("professional_stat", "ps", ["source_id", "department_code", "specialty", "specialty_search", "headcount", "density"]);

/** Columns of `professional_stat ps JOIN source s` that make a DatedStat: the stat's, and its source's vintage. */
export const DATED_STAT_COLUMNS = `${PROFESSIONAL_STAT_READ.select}, s.vintage`;

export function toDatedStat(row: Record<string, unknown>): DatedStat {
  const stat = new ProfessionalStat();
  stat.sourceId = String(row.source_id);
  stat.departmentCode = String(row.department_code);
  stat.specialty = String(row.specialty);
  stat.specialtySearch = String(row.specialty_search);
  stat.headcount = row.headcount === null ? null : Number(row.headcount);
  stat.densityPer100k = row.density === null ? null : Number(row.density);
  return { stat, vintage: String(row.vintage) };
}
