import type { DataSource } from "typeorm";
import { readCsv } from "../lib/csv";
import { syncTable, type Row } from "../lib/sync-table";
import type { SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";
import { hostOf, pageSource, titleFromUrl } from "./page-source";

/** Ids of the platforms this import names: "dep-" and the département code. */
export const DEPARTMENT_PLATFORM_PREFIX = "dep-";
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MONTHS: Record<string, string> = {
  janvier: "01", février: "02", fevrier: "02", mars: "03", avril: "04", mai: "05", juin: "06",
  juillet: "07", août: "08", aout: "08", septembre: "09", octobre: "10", novembre: "11", décembre: "12", decembre: "12",
};

/**
 * The date a status is stated for, when the wording gives one: "en fonctionnement au 2021-06-18"
 * → 2021-06-18, "opérationnel en juin 2021" → 2021-06. Null when the text holds no date.
 */
export function statedOn(...texts: string[]): string | null {
  for (const text of texts) {
    const iso = /(\d{4}-\d{2}-\d{2})/.exec(text);
    if (iso) return iso[1];
    const month = /\b(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})\b/i.exec(text);
    if (month) return `${month[2]}-${MONTHS[month[1].toLowerCase().replace("û", "u")]}`;
  }
  return null;
}

/**
 * `npm run import -- sas-departements FILE.csv`: what ARS and press pages state about each
 * département's own SAS (the format of sas-departements-2021-2025.csv). Per line: `code_departement`,
 * and when a page states something: `statut_declare` (required then), `sas_nom_declare`,
 * `porteurs_declares`, `date_ouverture_declaree` (the page's wording), `date_ouverture_iso`
 * (YYYY, YYYY-MM or YYYY-MM-DD), `sources` (addresses separated by " | "), `note`.
 * Each statement is stored with its pages as sources; a named SAS also becomes a SAS platform
 * of its département, with its opening date. Ignored on purpose: the baromètre columns (loaded
 * from the baromètre's own file) and `couverture_regionale_declaree`, a région-wide statement
 * that is an inference for each département, not a fact about it. The file replaces the
 * statements and named platforms of the previous one.
 */
export async function importSasDepartements(db: DataSource, file: string, options: { onProgress?: (rows: number, bytesRead: number) => void } = {}): Promise<ImportSummary> {
  const check = await LineChecker.open(db);
  const statements: Row[] = [];
  const platforms: Row[] = [];
  const links: Row[] = [];
  /** Per page: the latest date it states a fact for, which becomes the vintage of its source. */
  const pages = new Map<string, string | null>();
  const pagesOf: string[][] = [];
  let lines = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      lines++;
      const reject = (message: string) => check.reject(line, message);
      const code = check.department(record.code_departement, line);
      if (!code) continue;
      if (!check.once(code, `département ${code}`, line)) continue;
      const text = (column: string) => (record[column] ?? "").trim();
      const [name, operators, wording, opened, status] = ["sas_nom_declare", "porteurs_declares", "date_ouverture_declaree", "date_ouverture_iso", "statut_declare"].map(text);
      if (!name && !operators && !wording && !opened && !status) continue; // nothing stated about this département's own SAS
      if (!status) {
        reject("statut_declare is empty while the line states something about the SAS");
        continue;
      }
      if (opened && !PARTIAL_DATE.test(opened)) {
        reject(`date_ouverture_iso "${opened}" must be YYYY, YYYY-MM or YYYY-MM-DD`);
        continue;
      }
      const urls = text("sources").split("|").map((u) => u.trim()).filter((u) => u !== "");
      if (urls.length === 0 || urls.some((u) => !/^https?:\/\//.test(u))) {
        reject("sources must list the http(s) addresses of the pages that state it, separated by |");
        continue;
      }
      const stated = statedOn(wording, status);
      const dated = [stated, opened || null].filter((d): d is string => d !== null).sort().pop() ?? null;
      for (const url of urls) {
        const before = pages.get(url);
        pages.set(url, before === undefined ? dated : [before, dated].filter((d): d is string => d !== null).sort().pop() ?? null);
      }
      pagesOf.push(urls);
      statements.push({
        department_code: code,
        status,
        stated_on: stated,
        opened_on: opened || null,
        statement: wording || null,
        platform_name: name || null,
        operators: operators || null,
        source_ids: "", // filled once every page's vintage is known
        note: text("note") || null,
      });
      if (name) {
        const id = `${DEPARTMENT_PLATFORM_PREFIX}${code}`;
        platforms.push({ id, name, appointments_booked: null, source_id: "", opened_on: opened || null, operators: operators || null });
        links.push({ platform_id: id, department_code: code });
      }
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("sas-departements", lines, "the file holds no département");

  const sources = new Map<string, SourceRecord>();
  for (const [url, dated] of pages) {
    sources.set(
      url,
      pageSource({
        prefix: "sas-page",
        url,
        title: titleFromUrl(url),
        vintage: dated ?? "n.d.",
        vintageInferred: true,
        producer: `SAS deployment as stated by ${hostOf(url)} (ARS, URPS or press page)`,
        note: "Vintage: the latest date this page states a SAS fact for (an opening or a status date); the file keeps no page date.",
      }),
    );
  }
  statements.forEach((s, i) => (s.source_ids = pagesOf[i].map((u) => sources.get(u)!.id).join(" ")));
  for (const p of platforms) {
    const s = statements.find((st) => `${DEPARTMENT_PLATFORM_PREFIX}${st.department_code}` === p.id)!;
    p.source_id = String(s.source_ids).split(" ")[0];
  }

  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [...sources.values()]);
    const written = await syncTable(manager, statements, {
      table: "sas_department_status",
      key: ["department_code"],
      columns: ["department_code", "status", "stated_on", "opened_on", "statement", "platform_name", "operators", "source_ids", "note"],
      removeMissing: true,
    });
    // A département already served by a platform of an imported official list keeps that one.
    const taken = new Set(
      ((await manager.query(`SELECT department_code FROM sas_platform_department WHERE platform_id NOT LIKE '${DEPARTMENT_PLATFORM_PREFIX}%'`)) as { department_code: string }[]).map((r) => r.department_code),
    );
    const kept = new Set(links.filter((l) => !taken.has(String(l.department_code))).map((l) => String(l.platform_id)));
    const scope = { where: "id LIKE ?", params: [`${DEPARTMENT_PLATFORM_PREFIX}%`] };
    const platformTable = { table: "sas_platform", key: ["id"], columns: ["id", "name", "appointments_booked", "source_id", "opened_on", "operators"], scope };
    await syncTable(manager, platforms.filter((p) => kept.has(String(p.id))), platformTable);
    await syncTable(manager, links.filter((l) => kept.has(String(l.platform_id))), {
      table: "sas_platform_department",
      key: ["platform_id", "department_code"],
      columns: ["platform_id", "department_code"],
      removeMissing: true,
      scope: { where: "platform_id LIKE ?", params: [`${DEPARTMENT_PLATFORM_PREFIX}%`] },
    });
    await syncTable(manager, platforms.filter((p) => kept.has(String(p.id))), { ...platformTable, removeMissing: true });
    return written;
  });
  return { dataset: "sas-departements", rows: lines, ...counts, notes: [`${statements.length} départements with a statement, ${platforms.length} SAS named`] };
}
