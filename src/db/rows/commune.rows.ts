import { Commune } from "../../entities/territories/commune.entity";

/** Columns of `commune c` that make a Commune. */
export const COMMUNE_COLUMNS = "c.code, c.name, c.department_code, c.region_code, c.population, c.postal_codes";

export function toCommune(row: Record<string, unknown>): Commune {
  const commune = new Commune();
  commune.code = String(row.code);
  commune.name = String(row.name);
  commune.departmentCode = String(row.department_code);
  commune.regionCode = String(row.region_code);
  commune.population = Number(row.population);
  const postal = String(row.postal_codes ?? "");
  commune.postalCodes = postal === "" ? [] : postal.split(",");
  return commune;
}
