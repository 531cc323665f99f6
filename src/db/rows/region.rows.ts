import { Region } from "../../entities/territories/region.entity";
import { tableRead, UNREAD } from "./table-read";

/** The columns of `region r` that make a Region. */
export const REGION_READ = tableRead("region", "r", ["code", "name", "population"], { search_name: UNREAD.searchName });
export const REGION_COLUMNS = REGION_READ.select;

export function toRegion(row: Record<string, unknown>): Region {
  const region = new Region();
  region.code = String(row.code);
  region.name = String(row.name);
  region.population = Number(row.population);
  return region;
}
