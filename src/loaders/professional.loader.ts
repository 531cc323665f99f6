import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { ProfessionalStat } from "../entities/professional-stat.entity";
import { sql } from "../db/sql-dialect";
import { familyOf, type ProfessionalSource } from "../services/professional-sources";
import { BATCHED, type Batching, LoaderFamily, manyByKey, selectWhereIn } from "./batch";

/** A stat with the vintage of its source, so a Measure can carry its date. */
export interface DatedStat {
  stat: ProfessionalStat;
  vintage: string;
}

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

const STAT_COLUMNS = "ps.source_id, ps.department_code, ps.specialty, ps.specialty_search, ps.headcount, ps.density, s.vintage";

export interface SourceVintage {
  id: string;
  vintage: string;
}

export function createProfessionalLoaders(db: DataSource, batching: Batching = BATCHED) {
  let vintages: Promise<Map<ProfessionalSource, SourceVintage[]>> | undefined;
  return {
    /** The vintages each producer family holds, oldest first (one statement per request). */
    vintages(): Promise<Map<ProfessionalSource, SourceVintage[]>> {
      vintages ??= sql<{ id: string; vintage: string }>(
        db,
        "SELECT DISTINCT s.id, s.vintage FROM source s WHERE EXISTS (SELECT 1 FROM professional_stat ps WHERE ps.source_id = s.id) ORDER BY s.vintage",
      ).then((rows) => {
        const map = new Map<ProfessionalSource, SourceVintage[]>();
        for (const row of rows) {
          const family = familyOf(row.id);
          if (family) map.set(family, [...(map.get(family) ?? []), { id: row.id, vintage: row.vintage }]);
        }
        return map;
      });
      return vintages;
    },
    /** Every stat of one source for each département. */
    byDepartment: new LoaderFamily<string, string, DatedStat[]>(
      (sourceId) =>
        new DataLoader(async (codes) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT ${STAT_COLUMNS} FROM professional_stat ps JOIN source s ON s.id = ps.source_id
             WHERE ps.source_id = ? AND ps.department_code IN ({keys}) ORDER BY ps.specialty`,
            codes,
            [sourceId],
          );
          return manyByKey(codes, rows.map(toDatedStat), (d) => d.stat.departmentCode);
        }, batching),
    ),
    /** Every département stat of one source within each région (for regional aggregates). */
    byRegion: new LoaderFamily<string, string, DatedStat[]>(
      (sourceId) =>
        new DataLoader(async (regionCodes) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT d.region_code AS parent_key, ${STAT_COLUMNS} FROM professional_stat ps
             JOIN source s ON s.id = ps.source_id JOIN department d ON d.code = ps.department_code
             WHERE ps.source_id = ? AND d.region_code IN ({keys})`,
            regionCodes,
            [sourceId],
          );
          return manyByKey(regionCodes, rows, (r) => String(r.parent_key)).map((list) => list.map(toDatedStat));
        }, batching),
    ),
    /** Every département stat of one source (for national aggregates). */
    national: new LoaderFamily<string, "FR", DatedStat[]>(
      (sourceId) =>
        new DataLoader(async (keys) => {
          const rows = await sql<Record<string, unknown>>(
            db,
            `SELECT ${STAT_COLUMNS} FROM professional_stat ps JOIN source s ON s.id = ps.source_id WHERE ps.source_id = ?`,
            [sourceId],
          );
          return keys.map(() => rows.map(toDatedStat));
        }, batching),
    ),
  };
}
