import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export type AplLevel = "EPCI" | "DEPARTMENT" | "REGION";

export interface AplAggregate {
  code: string;
  value: number;
  population: number;
  communes: number;
  sourceId: string;
}

export interface AplCommuneRow {
  codgeo: string;
  communeCode: string;
  value: number;
  population: number | null;
  sourceId: string;
  /** The population of the commune the row falls in (COG 2026), to tell when the row's own population disagrees. */
  communePopulation: number;
}

export function createAplLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    /** Population-weighted APL of each territory of a level. */
    aggregate: new LoaderFamily<AplLevel, string, AplAggregate | null>(
      (level) =>
        batchLoader("apl.aggregate", async (codes) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            "SELECT a.code, a.value, a.population, a.communes, a.source_id FROM apl_aggregate a WHERE a.level = ? AND a.code IN ({keys})",
            codes,
            [level],
          );
          const aggregates = rows.map((r) => ({
            code: String(r.code),
            value: Number(r.value),
            population: Number(r.population),
            communes: Number(r.communes),
            sourceId: String(r.source_id),
          }));
          return oneByKey(codes, aggregates, (a) => a.code);
        }, batching),
    ),
    /** The APL rows of each commune (several for Paris, Lyon and Marseille: one per arrondissement). */
    byCommune: batchLoader<string, AplCommuneRow[]>("apl.byCommune", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT a.codgeo, a.commune_code, a.value, a.population, a.source_id, c.population AS commune_population
         FROM apl_commune a JOIN commune c ON c.code = a.commune_code WHERE a.commune_code IN ({keys}) ORDER BY a.codgeo`,
        codes,
      );
      const list = rows.map((r) => ({
        codgeo: String(r.codgeo),
        communeCode: String(r.commune_code),
        value: Number(r.value),
        population: r.population === null ? null : Number(r.population),
        sourceId: String(r.source_id),
        communePopulation: Number(r.commune_population),
      }));
      return manyByKey(codes, list, (r) => r.communeCode);
    }, batching),
  };
}
