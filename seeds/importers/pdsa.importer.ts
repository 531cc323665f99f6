import type { DataSource } from "typeorm";
import { readCsv, parseDecimal, parseInteger } from "../lib/csv";
import { normalizeDepartmentCode, territoryKey } from "../lib/codes";
import { syncTable, type Row } from "../lib/sync-table";
import { MEASURE_COLUMNS } from "../barometer.seed";
import type { SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import { ImportRejectedError, type ImportSummary, type Rejection } from "./import-result";

export interface PdsaImportOptions {
  /** Year of the survey, used as the source's vintage. Required. */
  vintage: string;
  producer?: string;
  title?: string;
  url?: string;
  licence?: string;
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
  const source: SourceRecord = {
    id: `pdsa-import-${options.vintage}`,
    producer: options.producer ?? "CNOM (Conseil national de l'Ordre des médecins)",
    title: options.title ?? `Enquête sur l'état de la permanence des soins ambulatoires (PDSA) ${options.vintage}`,
    vintage: options.vintage,
    url: options.url,
    licence: options.licence ?? "Figures quoted from the publication",
  };
  const departments = new Set(((await db.query("SELECT code FROM department")) as { code: string }[]).map((d) => d.code));
  const rejections: Rejection[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      const reject = (message: string) => rejections.push({ line, message });
      const raw = (record.department ?? "").trim();
      const code = raw.toUpperCase() === "FR" ? "FR" : normalizeDepartmentCode(raw);
      if (!code || (code !== "FR" && !departments.has(code))) {
        reject(`"${raw}" is not a département code (or FR)`);
        continue;
      }
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
      const key = `${code}|${year}`;
      if (seen.has(key)) {
        reject(`${code} ${year} already given on line ${seen.get(key)}`);
        continue;
      }
      seen.set(key, line);
      const territory = code === "FR" ? territoryKey.france : territoryKey.department(code);
      const measure = (indicator: string, value: number) =>
        rows.push({ indicator, territory, observed_on: year, source_id: source.id, value, initial_value: null, target: null, note: null });
      measure("pdsa-participation", percent);
      if (participating !== null) measure("pdsa-participating-gps", participating);
      if (eligible !== null) measure("pdsa-eligible-gps", eligible);
    }
  } catch (error) {
    rejections.push({ line: (error as { lines?: number }).lines ?? 0, message: `malformed CSV: ${(error as Error).message}` });
  }
  if (rejections.length === 0 && rows.length === 0) rejections.push({ line: 1, message: "the file holds no figure" });
  if (rejections.length > 0) throw new ImportRejectedError("pdsa", rejections);
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [source]);
    return syncTable(manager, rows, {
      table: "measure",
      key: ["indicator", "territory", "observed_on", "source_id"],
      columns: MEASURE_COLUMNS,
    });
  });
  return { dataset: "pdsa", rows: seen.size, ...counts };
}
