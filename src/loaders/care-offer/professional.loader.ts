import type { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import { type DatedStat, DATED_STAT_COLUMNS, toDatedStat } from "../../db/rows/professional-stat.rows";
import { PROFESSIONAL_COUNT_COLUMNS, toProfessionalCount } from "../../db/rows/professional-count.rows";
import { sql } from "../../db/sql-dialect";
import { familyOf, type ProfessionalSource } from "../../entities/shared/professional-source";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export interface SourceVintage {
  id: string;
  vintage: string;
}

export function createProfessionalLoaders(db: SqlTarget, batching: Batching = BATCHED) {
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
            `SELECT ${PROFESSIONAL_COUNT_COLUMNS} FROM professional_commune
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
            `SELECT ${DATED_STAT_COLUMNS} FROM professional_stat ps JOIN source s ON s.id = ps.source_id
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
            `SELECT d.region_code AS parent_key, ${DATED_STAT_COLUMNS} FROM professional_stat ps
             JOIN source s ON s.id = ps.source_id JOIN department d ON d.code = ps.department_code
             WHERE ps.source_id = ? AND d.region_code IN ({keys})`,
            regionCodes,
            [sourceId],
          );
          return manyByKey(regionCodes, rows, (r) => String(r.parent_key)).map((list) => list.map(toDatedStat));
        }, batching),
    ),
    /** The producer's own région and France rows of one source, by "REGION:<code>" or "FRANCE:FR" (empty when it publishes none). */
    published: new LoaderFamily<string, string, DatedStat[]>(
      (sourceId) =>
        batchLoader("professional.published", async (keys) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT pa.level || ':' || pa.code AS parent_key, pa.source_id, pa.code AS department_code, pa.specialty, pa.specialty_search,
                    pa.headcount, pa.density, s.vintage
             FROM professional_aggregate pa JOIN source s ON s.id = pa.source_id
             WHERE pa.source_id = ? AND (pa.level || ':' || pa.code) IN ({keys}) ORDER BY pa.specialty`,
            keys,
            [sourceId],
          );
          return manyByKey(keys, rows, (r) => String(r.parent_key)).map((list) => list.map(toDatedStat));
        }, batching),
    ),
    /** Every département stat of one source (for national aggregates). */
    national: new LoaderFamily<string, "FR", DatedStat[]>(
      (sourceId) =>
        batchLoader("professional.national", async (keys) => {
          const rows = await sql<Record<string, unknown>>(
            db,
            `SELECT ${DATED_STAT_COLUMNS} FROM professional_stat ps JOIN source s ON s.id = ps.source_id WHERE ps.source_id = ?`,
            [sourceId],
          );
          return keys.map(() => rows.map(toDatedStat));
        }, batching),
    ),
  };
}
