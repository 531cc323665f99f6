import type { DataSource } from "typeorm";
import { toSearchText } from "../src/services/search-text";
import { normalizeDepartmentCode } from "./lib/codes";
import { parseDecimal, parseInteger, readCsv } from "./lib/csv";
import { syncTable, type Row, type SyncCounts } from "./lib/sync-table";
import { dataFile } from "./data-files";
import { SOURCES } from "./sources";
import { upsertSources } from "./sources.seed";

const COLUMNS = ["source_id", "department_code", "specialty", "specialty_search", "headcount", "density"];

function stat(sourceId: string, department: string, specialty: string, headcount: number | null, density: number | null): Row {
  return { source_id: sourceId, department_code: department, specialty, specialty_search: toSearchText(specialty), headcount, density };
}

function requireDepartment(raw: string, file: string, line: number): string {
  const code = normalizeDepartmentCode(raw);
  if (!code) throw new Error(`${file} line ${line}: "${raw}" is not a département code`);
  return code;
}

function requireNumber(value: number | null, file: string, line: number, column: string): number | null {
  if (value !== null && Number.isNaN(value)) throw new Error(`${file} line ${line}: column "${column}" is not a number`);
  return value;
}

/** DREES/RPPS: headcounts and densities of 15 specialty groups (+ all doctors), in two files of the same layout. */
async function rppsRows(): Promise<Row[]> {
  const files = { headcount: "rpps-departement-specialite-effectifs.csv", density: "rpps-departement-specialite-densite.csv" };
  const densities = new Map<string, number | null>();
  for await (const { line, record } of readCsv(dataFile(files.density))) {
    if (record.dept_code === "Total général") continue; // a sum of densities: meaningless, ignored
    const department = requireDepartment(record.dept_code, files.density, line);
    for (const [column, text] of Object.entries(record)) {
      if (column !== "dept_code") densities.set(`${department}|${column}`, requireNumber(parseDecimal(text), files.density, line, column));
    }
  }
  const rows: Row[] = [];
  for await (const { line, record } of readCsv(dataFile(files.headcount))) {
    if (record.dept_code === "Total général") continue; // national totals are recomputed from départements
    const department = requireDepartment(record.dept_code, files.headcount, line);
    for (const [column, text] of Object.entries(record)) {
      if (column === "dept_code") continue;
      const headcount = requireNumber(parseInteger(text), files.headcount, line, column);
      rows.push(stat(SOURCES.rpps.id, department, column, headcount, densities.get(`${department}|${column}`) ?? null));
    }
  }
  return rows;
}

/** CNOM: densities of 47 specialties, 2010 and 2025 columns as two sources. */
async function cnomRows(): Promise<Row[]> {
  const file = "cnom-densite-specialite-departement-2010-2025.csv";
  const rows: Row[] = [];
  for await (const { line, record } of readCsv(dataFile(file))) {
    const department = requireDepartment(record.code_departement, file, line);
    const d2010 = requireNumber(parseDecimal(record.densite_2010), file, line, "densite_2010");
    const d2025 = requireNumber(parseDecimal(record.densite_2025), file, line, "densite_2025");
    if (d2010 !== null) rows.push(stat(SOURCES.cnom2010.id, department, record.specialite, null, d2010));
    if (d2025 !== null) rows.push(stat(SOURCES.cnom2025.id, department, record.specialite, null, d2025));
  }
  return rows;
}

/** CNAM: liberal practitioners of 38 professions, département rows only (regional and national rows are recomputed). */
async function cnamRows(): Promise<Row[]> {
  const file = "ameli-liberaux-effectif-densite-departement-2024.csv";
  const rows: Row[] = [];
  for await (const { line, record } of readCsv(dataFile(file))) {
    if (record.departement === "999") continue;
    const department = requireDepartment(record.departement, file, line);
    rows.push(
      stat(
        SOURCES.cnam.id,
        department,
        record.profession_sante,
        requireNumber(parseInteger(record.effectif), file, line, "effectif"),
        requireNumber(parseDecimal(record.densite), file, line, "densite"),
      ),
    );
  }
  return rows;
}

export async function seedProfessionals(db: DataSource): Promise<Record<string, SyncCounts>> {
  const cnom = await cnomRows();
  const datasets: [string, Row[]][] = [
    [SOURCES.rpps.id, await rppsRows()],
    [SOURCES.cnom2010.id, cnom.filter((r) => r.source_id === SOURCES.cnom2010.id)],
    [SOURCES.cnom2025.id, cnom.filter((r) => r.source_id === SOURCES.cnom2025.id)],
    [SOURCES.cnam.id, await cnamRows()],
  ];
  const report: Record<string, SyncCounts> = {};
  await db.transaction((m) => upsertSources(m, [SOURCES.rpps, SOURCES.cnom2010, SOURCES.cnom2025, SOURCES.cnam]));
  for (const [sourceId, rows] of datasets) {
    report[`professional_stat ${sourceId}`] = await db.transaction((manager) =>
      syncTable(manager, rows, {
        table: "professional_stat",
        key: ["source_id", "department_code", "specialty"],
        columns: COLUMNS,
        removeMissing: true,
        scope: { where: "source_id = ?", params: [sourceId] },
      }),
    );
  }
  return report;
}
