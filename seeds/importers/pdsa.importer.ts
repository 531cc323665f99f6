import type { DataSource } from "typeorm";
import { readCsv, parseDecimal, parseInteger } from "../lib/csv";
import { territoryKey } from "../lib/codes";
import { syncMeasures } from "../lib/measures";
import type { Row } from "../lib/sync-table";
import { SOURCES, sourceFor, type SourceOverrides, type SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";
import { hostOf, pageSource } from "./page-source";

export interface PdsaImportOptions extends SourceOverrides {
  /** Year of the survey, used as the source's vintage. Required unless every line names its page (`source_url`). */
  vintage?: string;
  onProgress?: (rows: number, bytesRead: number) => void;
}

/**
 * `npm run import -- pdsa FILE.csv --vintage 2024`: the CNOM PDSA survey, one line per
 * département. Columns: `department` (INSEE code, or FR for France), `year` (YYYY),
 * `participation_percent` (0–100), and optionally `participating_gps`, `eligible_gps`.
 * The press format of pdsa-participation-departements-2022-2023.csv is read too
 * (`code_departement`, `annee_situation_31_decembre`, `taux_participation_pdsa_pct`). A line
 * with a `source_url` (and `source_title` or `source_titre`) has that page as its source, with
 * the survey's reference date (31 December of the year) as vintage; `citation_source` and
 * `note` are kept with the figure. All lines are checked first; one bad line rejects the file.
 */
export async function importPdsa(db: DataSource, file: string, options: PdsaImportOptions): Promise<ImportSummary> {
  if (options.vintage !== undefined && !/^\d{4}$/.test(options.vintage)) throw new Error(`--vintage must be a year (received "${options.vintage}")`);
  const source = options.vintage
    ? sourceFor(`pdsa-import-${options.vintage}`, options.vintage, {
        producer: SOURCES.cnom2025.producer,
        title: `Enquête sur l'état de la permanence des soins ambulatoires (PDSA) ${options.vintage}`,
        licence: "Figures quoted from the publication",
      }, options)
    : null;
  const sources = new Map<string, SourceRecord>(source ? [[source.id, source]] : []);
  const check = await LineChecker.open(db);
  const rows: Row[] = [];
  let figures = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      const reject = (message: string) => check.reject(line, message);
      const raw = (record.department ?? record.code_departement ?? "").trim();
      const code = raw.toUpperCase() === "FR" ? "FR" : check.department(raw, line);
      if (!code) continue;
      const year = (record.year ?? record.annee_situation_31_decembre ?? "").trim();
      if (!/^\d{4}$/.test(year)) {
        reject(`year "${year}" is not a year (YYYY)`);
        continue;
      }
      const percentText = record.participation_percent ?? record.taux_participation_pdsa_pct;
      const percent = parseDecimal(percentText);
      if (percent === null || Number.isNaN(percent) || percent < 0 || percent > 100) {
        reject(`participation_percent "${percentText ?? ""}" is not a percentage between 0 and 100`);
        continue;
      }
      const url = (record.source_url ?? "").trim();
      if (url !== "" && !/^https?:\/\//.test(url)) {
        reject(`source_url "${url}" is not an http(s) address`);
        continue;
      }
      if (url === "" && !source) {
        reject("no source_url on the line and no --vintage for the file: the figure would have no source");
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
      const lineSource = url === "" ? source! : surveyPage(url, (record.source_title ?? record.source_titre ?? "").trim(), year);
      sources.set(lineSource.id, lineSource);
      const note = [record.citation_source, record.note].map((t) => (t ?? "").trim()).filter((t) => t !== "").join(" ") || null;
      const territory = code === "FR" ? territoryKey.france : territoryKey.department(code);
      const measure = (indicator: string, value: number) =>
        rows.push({ indicator, territory, observed_on: year, source_id: lineSource.id, value, initial_value: null, target: null, note });
      measure("pdsa-participation", percent);
      if (participating !== null) measure("pdsa-participating-gps", participating);
      if (eligible !== null) measure("pdsa-eligible-gps", eligible);
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("pdsa", rows.length, "the file holds no figure");
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [...sources.values()]);
    return syncMeasures(manager, rows);
  });
  return { dataset: "pdsa", rows: figures, ...counts };
}

/** The page a survey figure was read on: its vintage is the survey's reference date, 31 December of the year. */
function surveyPage(url: string, title: string, year: string): SourceRecord {
  return pageSource({
    prefix: "pdsa",
    url,
    title: title || `PDSA survey ${year}, as reported by ${hostOf(url)}`,
    vintage: `${year}-12-31`,
    producer: `CNOM, enquête sur la permanence des soins ambulatoires (situation at 31 December ${year}), as reported by ${hostOf(url)}`,
    licence: "Figures quoted from the publication (CNOM survey; press page: only figures taken)",
  });
}
