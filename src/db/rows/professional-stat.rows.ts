import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";

/** A stat with the vintage of its source, so a Measure can carry its date. */
export interface DatedStat {
  stat: ProfessionalStat;
  vintage: string;
}

/** Columns of `professional_stat ps JOIN source s` that make a DatedStat. */
export const DATED_STAT_COLUMNS = "ps.source_id, ps.department_code, ps.specialty, ps.specialty_search, ps.headcount, ps.density, s.vintage";

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
