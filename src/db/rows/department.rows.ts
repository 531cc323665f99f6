import { Department } from "../../entities/territories/department.entity";
import { tableRead, UNREAD } from "./table-read";

/** The columns of `department d` that make a Department. */
export const DEPARTMENT_READ = tableRead("department", "d", ["code", "name", "region_code", "population"], { search_name: UNREAD.searchName });
export const DEPARTMENT_COLUMNS = DEPARTMENT_READ.select;

export function toDepartment(row: Record<string, unknown>): Department {
  const department = new Department();
  department.code = String(row.code);
  department.name = String(row.name);
  department.regionCode = String(row.region_code);
  department.population = Number(row.population);
  return department;
}
