import type { Source } from "../../entities/shared/source.entity";
import { SOURCE_COLUMNS, toSource } from "../../db/rows/source.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "./batch";
import type { SqlTarget } from "../../db/sql-target";

export function createSourceLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Source | null>("source.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${SOURCE_COLUMNS} FROM source s WHERE s.id IN ({keys})`, ids);
      return oneByKey(ids, rows.map(toSource), (s) => s.id);
    }, batching),
  };
}
