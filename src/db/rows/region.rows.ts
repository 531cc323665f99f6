import { Region } from "../../entities/territories/region.entity";

/** Columns of `region r` that make a Region. */
export const REGION_COLUMNS = "r.code, r.name, r.population";

export function toRegion(row: Record<string, unknown>): Region {
  const region = new Region();
  region.code = String(row.code);
  region.name = String(row.name);
  region.population = Number(row.population);
  return region;
}
