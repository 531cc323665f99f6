import type { DataSource } from "typeorm";
import { INDICATOR_DEFINITIONS } from "../data/published-figures";
import { territoryKey } from "../lib/codes";
import { parseDecimal, parseInteger, readCsv } from "../lib/csv";
import { syncIndicatorDefinitions, syncMeasures } from "../lib/measures";
import type { Row } from "../lib/sync-table";
import type { SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";
import { hostOf, pageSource, titleFromUrl } from "./page-source";

const PREFIX = "sas-count";
export const SAS_COUNT = "sas-count";
const SAS_POPULATION = "sas-population-covered";

/**
 * `npm run import -- sas-counts FILE.csv`: dated national counts of operational SAS. Columns:
 * `date` (YYYY-MM-DD, the date the count describes), `sas_operational` (whole number),
 * `source_url`, and optionally `population_covered_pct` (0–100), `source_title`, `note`.
 * Each line's page is its source, with the line's date as vintage. The file replaces the
 * counts of the previous one (the other national SAS figures are left alone).
 */
export async function importSasCounts(db: DataSource, file: string, options: { onProgress?: (rows: number, bytesRead: number) => void } = {}): Promise<ImportSummary> {
  const check = new LineChecker();
  const rows: Row[] = [];
  const sources = new Map<string, SourceRecord>();
  let lines = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      lines++;
      const reject = (message: string) => check.reject(line, message);
      const date = (record.date ?? "").trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        reject(`date "${date}" must be written YYYY-MM-DD`);
        continue;
      }
      const count = parseInteger(record.sas_operational);
      const share = parseDecimal(record.population_covered_pct);
      if (count === null || Number.isNaN(count) || count < 0) {
        reject(`sas_operational "${record.sas_operational ?? ""}" is not a whole number`);
        continue;
      }
      if (share !== null && (Number.isNaN(share) || share < 0 || share > 100)) {
        reject(`population_covered_pct "${record.population_covered_pct}" is not a percentage between 0 and 100`);
        continue;
      }
      const url = (record.source_url ?? "").trim();
      if (!/^https?:\/\//.test(url)) {
        reject("source_url must be the http(s) address of the page that gives the count");
        continue;
      }
      if (!check.once(date, `date ${date}`, line)) continue;
      const source = pageSource({
        prefix: PREFIX,
        url,
        title: (record.source_title ?? "").trim() || titleFromUrl(url),
        vintage: date,
        producer: `Ministère de la Santé / DGOS (national count of operational SAS), as reported by ${hostOf(url)}`,
      });
      sources.set(source.id, source);
      const note = (record.note ?? "").trim() || null;
      const measure = (indicator: string, value: number) =>
        rows.push({ indicator, territory: territoryKey.france, observed_on: date, source_id: source.id, value, initial_value: null, target: null, note });
      measure(SAS_COUNT, count);
      if (share !== null) measure(SAS_POPULATION, share);
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("sas-counts", rows.length, "the file holds no count");
  const definitions = INDICATOR_DEFINITIONS.filter((d) => d.id === SAS_COUNT || d.id === SAS_POPULATION);
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [...sources.values()]);
    await syncIndicatorDefinitions(manager, definitions);
    return syncMeasures(manager, rows, { where: "source_id LIKE ?", params: [`${PREFIX}-%`] });
  });
  return { dataset: "sas-counts", rows: lines, ...counts };
}
