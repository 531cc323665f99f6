import type { EntityManager } from "typeorm";
import { markers } from "../src/db/sql-dialect";
import { syncTable, type SyncCounts } from "./lib/sync-table";
import { SOURCE_COLUMNS, sourceRow, type SourceRecord } from "./sources";

/** Inserts or corrects source rows (never removes: other data may point to them). */
export function upsertSources(manager: EntityManager, sources: SourceRecord[]): Promise<SyncCounts> {
  const unique = new Map(sources.map((s) => [s.id, s]));
  return syncTable(manager, [...unique.values()].map(sourceRow), {
    table: "source",
    key: ["id"],
    columns: SOURCE_COLUMNS,
    scope: { where: `id IN (${markers(unique.size) || "NULL"})`, params: [...unique.keys()] },
  });
}
