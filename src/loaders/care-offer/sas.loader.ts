import type { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { SAS_PLATFORM_COLUMNS, toSasPlatform } from "../../db/rows/sas-platform.rows";
import { BATCHED, type Batching, batchLoader, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

export function createSasLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byDepartment: batchLoader<string, SasPlatform | null>("sas.byDepartment", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT spd.department_code AS parent_key, ${SAS_PLATFORM_COLUMNS}
         FROM sas_platform_department spd JOIN sas_platform p ON p.id = spd.platform_id WHERE spd.department_code IN ({keys})`,
        codes,
      );
      return oneByKey(codes, rows, (r) => String(r.parent_key)).map((r) => (r ? toSasPlatform(r) : null));
    }, batching),
    departmentCodes: batchLoader<string, string[]>("sas.departmentCodes", async (ids) => {
      const rows = await selectWhereIn<{ platform_id: string; department_code: string }>(
        db,
        "SELECT platform_id, department_code FROM sas_platform_department WHERE platform_id IN ({keys}) ORDER BY department_code",
        ids,
      );
      return manyByKey(ids, rows, (r) => r.platform_id).map((list) => list.map((r) => r.department_code));
    }, batching),
  };
}
