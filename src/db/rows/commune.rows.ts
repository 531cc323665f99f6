import { Commune } from "../../entities/territories/commune.entity";
import { tableRead, UNREAD } from "./table-read";

/** The columns of `commune c` that make a Commune. */
export const COMMUNE_READ = tableRead("commune", "c", ["code", "name", "department_code", "region_code", "population", "postal_codes"], { search_name: UNREAD.searchName });
export const COMMUNE_COLUMNS = COMMUNE_READ.select;

export function toCommune(row: Record<string, unknown>): Commune {
  const commune = new Commune();
  commune.code = String(row.code);
  commune.name = String(row.name);
  commune.departmentCode = String(row.department_code);
  commune.regionCode = String(row.region_code);
  commune.population = Number(row.population);
  const postal = String(row.postal_codes ?? "");
  commune.postalCodes = postal === "" ? [] : postal.split(",");
  // Looked up by its current code; the former-code lookup sets it (src/loaders/territories/commune.loader.ts).
  commune.formerCodeGiven = null;
  return commune;
}
