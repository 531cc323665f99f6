import type { Department } from "../../entities/territories/department.entity";
import { DEPARTMENT_COLUMNS, toDepartment } from "../../db/rows/department.rows";
import { BATCHED, type Batching, batchLoader, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export function createDepartmentLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byCode: batchLoader<string, Department | null>("department.byCode", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${DEPARTMENT_COLUMNS} FROM department d WHERE d.code IN ({keys})`, codes);
      return oneByKey(codes, rows.map(toDepartment), (d) => d.code);
    }, batching),
    /** Départements of each région, by code. */
    byRegion: batchLoader<string, Department[]>("department.byRegion", async (regionCodes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ${DEPARTMENT_COLUMNS} FROM department d WHERE d.region_code IN ({keys}) ORDER BY d.code`,
        regionCodes,
      );
      return manyByKey(regionCodes, rows.map(toDepartment), (d) => d.regionCode);
    }, batching),
    /** Départements an EPCI spans, by SIREN. */
    byEpci: batchLoader<string, Department[]>("department.byEpci", async (sirens) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ed.epci_siren AS parent_key, ${DEPARTMENT_COLUMNS} FROM epci_department ed
         JOIN department d ON d.code = ed.department_code WHERE ed.epci_siren IN ({keys}) ORDER BY d.code`,
        sirens,
      );
      const grouped = manyByKey(sirens, rows, (row) => String(row.parent_key));
      return grouped.map((list) => list.map(toDepartment));
    }, batching),
  };
}
