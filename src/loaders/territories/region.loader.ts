import type { Region } from "../../entities/territories/region.entity";
import { REGION_COLUMNS, toRegion } from "../../db/rows/region.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export function createRegionLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byCode: batchLoader<string, Region | null>("region.byCode", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${REGION_COLUMNS} FROM region r WHERE r.code IN ({keys})`, codes);
      return oneByKey(codes, rows.map(toRegion), (r) => r.code);
    }, batching),
  };
}
