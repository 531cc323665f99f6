import type { DataSource } from "typeorm";
import type { Source } from "../../entities/shared/source.entity";
import { toSource } from "../../db/rows/source.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "./batch";

export function createSourceLoaders(db: DataSource, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Source | null>("source.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, "SELECT * FROM source WHERE id IN ({keys})", ids);
      return oneByKey(ids, rows.map(toSource), (s) => s.id);
    }, batching),
  };
}
