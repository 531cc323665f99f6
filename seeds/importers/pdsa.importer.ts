import type { DataSource } from "typeorm";
import { readCsv, parseDecimal, parseInteger } from "../lib/csv";
import { territoryKey } from "../lib/codes";
import { syncTable, type Row } from "../lib/sync-table";
import { MEASURE_COLUMNS } from "../barometer.seed";
import { SOURCES, sourceFor, type SourceOverrides } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";

export interface PdsaImportOptions extends SourceOverrides {
  /** Year of the survey, used as the source's vintage. Required. */
  vintage: string;
  onProgress?: (rows: number, bytesRead: number) => void;
}

/**
 * `npm run import -- pdsa FILE.csv --vintage 2024`: the CNOM PDSA survey, one line per
 * département. Columns: `department` (INSEE code, or FR for France), `year` (YYYY),
 * `participation_percent` (0–100), and optionally `participating_gps`, `eligible_gps`.
 * All lines are checked first; one bad line rejects the file.
 */
export async function importPdsa(db: DataSource, file: string, options: PdsaImportOptions): Promise<ImportSummary> {
  if (!/^\d{4}$/.test(options.vintage)) throw new Error(`--vintage must be a year (received "${options.vintage}")`);
  const source = sourceFor(`pdsa-import-${options.vintage}`, options.vintage, {
    producer: SOURCES.cnom2025.producer,
    title: `Enquête sur l'état de la permanence des soins ambulatoires (PDSA) ${options.vintage}`,
    licence: "Figures quoted from the publication",
  }, options);
  const check = await LineChecker.open(db);
  const rows: Row[] = [];
  let figures = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      const reject = (message: string) => check.reject(line, message);
      const raw = (record.department ?? "").trim();
      const code = raw.toUpperCase() === "FR" ? "FR" : check.department(raw, line);
      if (!code) continue;
      const year = (record.year ?? "").trim();
      if (!/^\d{4}$/.test(year)) {
        reject(`year "${year}" is not a year (YYYY)`);
        continue;
      }
      const percent = parseDecimal(record.participation_percent);
      if (percent === null || Number.isNaN(percent) || percent < 0 || percent > 100) {
        reject(`participation_percent "${record.participation_percent ?? ""}" is not a percentage between 0 and 100`);
        continue;
      }
      const participating = parseInteger(record.participating_gps);
      const eligible = parseInteger(record.eligible_gps);
      if ([participating, eligible].some((n) => n !== null && (Number.isNaN(n) || n < 0))) {
        reject("participating_gps and eligible_gps must be whole numbers");
        continue;
      }
      if (!check.once(`${code}|${year}`, `${code} ${year}`, line)) continue;
      figures++;
      const territory = code === "FR" ? territoryKey.france : territoryKey.department(code);
      const measure = (indicator: string, value: number) =>
        rows.push({ indicator, territory, observed_on: year, source_id: source.id, value, initial_value: null, target: null, note: null });
      measure("pdsa-participation", percent);
      if (participating !== null) measure("pdsa-participating-gps", participating);
      if (eligible !== null) measure("pdsa-eligible-gps", eligible);
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("pdsa", rows.length, "the file holds no figure");
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [source]);
    return syncTable(manager, rows, {
      table: "measure",
      key: ["indicator", "territory", "observed_on", "source_id"],
      columns: MEASURE_COLUMNS,
    });
  });
  return { dataset: "pdsa", rows: figures, ...counts };
}
