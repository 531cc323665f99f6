import type { DataSource } from "typeorm";
import { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { sql } from "../../db/sql-dialect";
import { familyOf, type ProfessionalSource } from "../../entities/care-offer/professional-source";
import { toSearchText } from "../../db/search-text";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, selectWhereIn } from "../shared/batch";

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

function toProfessionalCount(row: Record<string, unknown>): ProfessionalCount {
  const count = new ProfessionalCount();
  count.sourceId = String(row.source_id);
  count.communeCode = String(row.commune_code);
  count.profession = String(row.profession);
  count.specialtyKey = String(row.specialty);
  count.headcount = Number(row.headcount);
  count.searchText = toSearchText(`${count.profession} ${count.specialtyKey}`);
  return count;
}

export function createProfessionalLoaders(db: DataSource, batching: Batching = BATCHED) {
  let vintages: Promise<Map<ProfessionalSource, SourceVintage[]>> | undefined;
  let communeSources: Promise<SourceVintage[]> | undefined;
  return {
    /** RPPS extractions that hold per-commune counts, oldest first (one statement per request). */
    communeSources(): Promise<SourceVintage[]> {
      communeSources ??= sql<SourceVintage>(
        db,
        "SELECT s.id, s.vintage FROM source s WHERE EXISTS (SELECT 1 FROM professional_commune pc WHERE pc.source_id = s.id) ORDER BY s.vintage",
      );
      return communeSources;
    },
    /** Professionals per commune from one RPPS extraction, by profession then specialty. */
    byCommune: new LoaderFamily<string, string, ProfessionalCount[]>(
      (sourceId) =>
        batchLoader<string, ProfessionalCount[]>("professional.byCommune", async (codes) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT source_id, commune_code, profession, specialty, headcount FROM professional_commune
             WHERE source_id = ? AND commune_code IN ({keys}) ORDER BY profession, specialty`,
            codes,
            [sourceId],
          );
          return manyByKey(codes, rows.map(toProfessionalCount), (c) => c.communeCode);
        }, batching),
    ),
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
        batchLoader("professional.byDepartment", async (codes) => {
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
        batchLoader("professional.byRegion", async (regionCodes) => {
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
        batchLoader("professional.national", async (keys) => {
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
