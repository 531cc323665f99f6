import type { DataSource } from "typeorm";
import { ZONES_ROUGES_LIST_DATE } from "../../src/entities/care-offer/zone-rouge.entity";
import { INDICATOR_DEFINITIONS } from "../data/published-figures";
import { territoryKey } from "../lib/codes";
import { parseInteger, readCsv } from "../lib/csv";
import { syncIndicatorDefinitions, syncMeasures } from "../lib/measures";
import type { Row } from "../lib/sync-table";
import type { SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";
import { hostOf, pageSource, titleFromUrl } from "./page-source";

export const ZONES_ROUGES_COUNT = "zones-rouges-count";
/** Every source this importer creates starts with it, so that a new file replaces the previous one's counts. */
const PREFIX = "zr-count";

export interface ZonesRougesExpectedOptions {
  /** Date of the list the counts describe. Default 2025-06-27 (the ministry's list). */
  vintage?: string;
  onProgress?: (rows: number, bytesRead: number) => void;
}

/**
 * `npm run import -- zones-rouges-expected FILE.csv`: how many zones rouges each région has,
 * as ARS and press pages state it. Columns: `region_code` (INSEE), `expected` (a whole number;
 * empty when no source states the count), `source_url`, and optionally `region`, `source_title`,
 * `note`. Counts are stored as the indicator "zones-rouges-count" of the région, dated with the
 * list they describe; a région left empty has no count, and its coverage says "expected unknown".
 * The file replaces the counts of the previous one.
 */
export async function importZonesRougesExpected(db: DataSource, file: string, options: ZonesRougesExpectedOptions = {}): Promise<ImportSummary> {
  const vintage = options.vintage ?? ZONES_ROUGES_LIST_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(vintage)) throw new Error(`--vintage must be YYYY-MM-DD (received "${vintage}")`);
  const regions = new Set(((await db.query("SELECT code FROM region")) as { code: string }[]).map((r) => r.code));
  const check = new LineChecker();
  const rows: Row[] = [];
  const sources = new Map<string, SourceRecord>();
  let lines = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      lines++;
      const reject = (message: string) => check.reject(line, message);
      const code = (record.region_code ?? "").trim();
      if (!regions.has(code)) {
        reject(`"${code}" is not a région code`);
        continue;
      }
      if (!check.once(code, `région ${code}`, line)) continue;
      const expectedText = (record.expected ?? "").trim();
      const expected = parseInteger(expectedText);
      if (expected !== null && (Number.isNaN(expected) || expected < 0)) {
        reject(`expected "${expectedText}" is not a whole number`);
        continue;
      }
      const url = (record.source_url ?? "").trim();
      if (expected === null) continue; // no count stated: nothing to store
      if (!/^https?:\/\//.test(url)) {
        reject("source_url must be the http(s) address of the page that states the count");
        continue;
      }
      const title = (record.source_title ?? "").trim() || titleFromUrl(url);
      const source = pageSource({
        prefix: PREFIX,
        url,
        title,
        vintage,
        producer: `Ministère de la Santé (list of the 151 zones rouges), count per région as stated by ${hostOf(url)}`,
      });
      sources.set(source.id, source);
      const note = (record.note ?? "").trim();
      rows.push({ indicator: ZONES_ROUGES_COUNT, territory: territoryKey.region(code), observed_on: vintage, source_id: source.id, value: expected, initial_value: null, target: null, note: note || null });
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("zones-rouges-expected", lines, "the file holds no région");
  const definition = INDICATOR_DEFINITIONS.filter((d) => d.id === ZONES_ROUGES_COUNT);
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [...sources.values()]);
    await syncIndicatorDefinitions(manager, definition);
    return syncMeasures(manager, rows, { where: "indicator = ? AND source_id LIKE ?", params: [ZONES_ROUGES_COUNT, `${PREFIX}-%`] });
  });
  return { dataset: "zones-rouges-expected", rows: lines, ...counts };
}
