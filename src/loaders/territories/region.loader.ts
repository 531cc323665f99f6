import type { DataSource } from "typeorm";
import { Region } from "../../entities/territories/region.entity";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";

export const REGION_COLUMNS = "r.code, r.name, r.population";

export function toRegion(row: Record<string, unknown>): Region {
  const region = new Region();
  region.code = String(row.code);
  region.name = String(row.name);
  region.population = Number(row.population);
  return region;
}

export function createRegionLoaders(db: DataSource, batching: Batching = BATCHED) {
  return {
    byCode: batchLoader<string, Region | null>("region.byCode", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${REGION_COLUMNS} FROM region r WHERE r.code IN ({keys})`, codes);
      return oneByKey(codes, rows.map(toRegion), (r) => r.code);
    }, batching),
  };
}
