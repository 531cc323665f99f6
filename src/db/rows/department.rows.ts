import { Department } from "../../entities/territories/department.entity";

/** Columns of `department d` that make a Department. */
export const DEPARTMENT_COLUMNS = "d.code, d.name, d.region_code, d.population";

export function toDepartment(row: Record<string, unknown>): Department {
  const department = new Department();
  department.code = String(row.code);
  department.name = String(row.name);
  department.regionCode = String(row.region_code);
  department.population = Number(row.population);
  return department;
}
