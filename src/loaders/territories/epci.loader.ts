import type { Epci } from "../../entities/territories/epci.entity";
import { EPCI_COLUMNS, toEpci } from "../../db/rows/epci.rows";
import { type EpciFilterInput, epciFilterSql } from "../../db/filters/epci.filter";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

/** Filtered EPCI grouped by a parent key found through `epci_department`. */
function epcisByParent(db: SqlTarget, parentColumn: "ed.department_code" | "d.region_code", filter: EpciFilterInput | null, batching: Batching) {
  return batchLoader<string, Epci[]>(parentColumn === "d.region_code" ? "epci.byRegion" : "epci.byDepartment", async (parentKeys) => {
    const condition = epciFilterSql(filter);
    const joinDepartment = parentColumn === "d.region_code" ? "JOIN department d ON d.code = ed.department_code" : "";
    const rows = await selectWhereIn<Record<string, unknown>>(
      db,
      `SELECT DISTINCT ${parentColumn} AS parent_key, ${EPCI_COLUMNS}, e.search_name FROM epci_department ed
       ${joinDepartment} JOIN epci e ON e.siren = ed.epci_siren
       WHERE ${parentColumn} IN ({keys})${condition.where.map((w) => ` AND ${w}`).join("")}
       ORDER BY e.search_name, e.siren`,
      parentKeys,
      condition.params,
    );
    return manyByKey(parentKeys, rows, (row) => String(row.parent_key)).map((list) => list.map(toEpci));
  }, batching);
}

export function createEpciLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    bySiren: batchLoader<string, Epci | null>("epci.bySiren", async (sirens) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${EPCI_COLUMNS} FROM epci e WHERE e.siren IN ({keys})`, sirens);
      return oneByKey(sirens, rows.map(toEpci), (e) => e.siren);
    }, batching),
    /** The EPCI a commune belongs to (null for the four island communes outside any EPCI). */
    byCommune: batchLoader<string, Epci | null>("epci.byCommune", async (communeCodes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ec.commune_code AS parent_key, ${EPCI_COLUMNS} FROM epci_commune ec
         JOIN epci e ON e.siren = ec.epci_siren WHERE ec.commune_code IN ({keys})`,
        communeCodes,
      );
      return oneByKey(communeCodes, rows, (row) => String(row.parent_key)).map((row) => (row ? toEpci(row) : null));
    }, batching),
    byDepartment: new LoaderFamily<EpciFilterInput | null, string, Epci[]>((filter) => epcisByParent(db, "ed.department_code", filter, batching)),
    byRegion: new LoaderFamily<EpciFilterInput | null, string, Epci[]>((filter) => epcisByParent(db, "d.region_code", filter, batching)),
  };
}
