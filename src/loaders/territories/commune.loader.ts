import type { Commune } from "../../entities/territories/commune.entity";
import { COMMUNE_COLUMNS, toCommune } from "../../db/rows/commune.rows";
import { FORMER_CODE_COLUMNS, toFormerCode } from "../../db/rows/commune-code.rows";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

/** A window of a département's communes, ordered by INSEE code. */
export interface CommunePage {
  offset: number;
  /** Rows asked for plus one, to know whether a next page exists. */
  limit: number;
}

export function createCommuneLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    byCode: batchLoader<string, Commune | null>("commune.byCode", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${COMMUNE_COLUMNS} FROM commune c WHERE c.code IN ({keys})`, codes);
      return oneByKey(codes, rows.map(toCommune), (c) => c.code);
    }, batching),
    /**
     * The current commune of each former code (a commune merged since), marked with the code it
     * was asked by; null for a code that was never a commune's. Only asked once `byCode` found
     * nothing, so a current code still costs one statement.
     */
    byFormerCode: batchLoader<string, Commune | null>("commune.byFormerCode", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ${FORMER_CODE_COLUMNS}, ${COMMUNE_COLUMNS} FROM commune_former_code f JOIN commune c ON c.code = f.commune_code WHERE f.code IN ({keys})`,
        codes,
      );
      const communes = rows.map((row) => Object.assign(toCommune(row), { formerCodeGiven: toFormerCode(row).code }));
      return oneByKey(codes, communes, (c) => c.formerCodeGiven ?? "");
    }, batching),
    /** The former codes of each commune (codes of the communes merged into it), in code order. */
    formerCodes: batchLoader<string, string[]>("commune.formerCodes", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ${FORMER_CODE_COLUMNS} FROM commune_former_code f WHERE f.commune_code IN ({keys}) ORDER BY f.code`,
        codes,
      );
      return manyByKey(codes, rows.map(toFormerCode), (f) => f.communeCode).map((list) => list.map((f) => f.code));
    }, batching),
    /** The communes each postal code serves (La Poste, through the COG), largest first. */
    byPostalCode: batchLoader<string, Commune[]>("commune.byPostalCode", async (postalCodes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT p.postal_code AS parent_key, ${COMMUNE_COLUMNS} FROM commune_postal_code p
         JOIN commune c ON c.code = p.commune_code WHERE p.postal_code IN ({keys}) ORDER BY c.population DESC, c.code`,
        postalCodes,
      );
      return manyByKey(postalCodes, rows, (row) => String(row.parent_key)).map((list) => list.map(toCommune));
    }, batching),
    /** Member communes of each EPCI, by SIREN, largest first. */
    byEpci: batchLoader<string, Commune[]>("commune.byEpci", async (sirens) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT ec.epci_siren AS parent_key, ${COMMUNE_COLUMNS} FROM epci_commune ec
         JOIN commune c ON c.code = ec.commune_code WHERE ec.epci_siren IN ({keys}) ORDER BY c.population DESC, c.code`,
        sirens,
      );
      return manyByKey(sirens, rows, (row) => String(row.parent_key)).map((list) => list.map(toCommune));
    }, batching),
    /** One page of each département's communes: a window function keeps it to one statement. */
    pageByDepartment: new LoaderFamily<CommunePage, string, Commune[]>(
      (page) =>
        batchLoader("commune.pageByDepartment", async (departmentCodes) => {
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT * FROM (
               SELECT ${COMMUNE_COLUMNS}, ROW_NUMBER() OVER (PARTITION BY c.department_code ORDER BY c.code) AS rn
               FROM commune c WHERE c.department_code IN ({keys})
             ) paged WHERE rn > ? AND rn <= ? ORDER BY department_code, code`,
            departmentCodes,
            [page.offset, page.offset + page.limit],
          );
          return manyByKey(departmentCodes, rows.map(toCommune), (c) => c.departmentCode);
        }, batching),
    ),
    countByDepartment: batchLoader<string, number>("commune.countByDepartment", async (departmentCodes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT c.department_code, COUNT(*) AS n FROM commune c WHERE c.department_code IN ({keys}) GROUP BY c.department_code`,
        departmentCodes,
      );
      const counts = oneByKey(departmentCodes, rows, (row) => String(row.department_code));
      return counts.map((row) => (row ? Number(row.n) : 0));
    }, batching),
  };
}
