import type { DataSource } from "typeorm";
import { toSearchText } from "../../src/db/search-text";
import { parseDecimal, parseInteger, readCsv } from "../lib/csv";
import { syncTable, type Row, type SyncCounts } from "../lib/sync-table";
import type { SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";

/**
 * Importers of health professionals per département, one per producer's published layout.
 * The seed runs them on the bundled files; `npm run import` on newer files. Each file replaces
 * the figures of the vintages it holds (and only those), all at once or not at all.
 */

export const PROFESSIONAL_STAT_COLUMNS = ["source_id", "department_code", "specialty", "specialty_search", "headcount", "density"];
export const PROFESSIONAL_AGGREGATE_COLUMNS = ["source_id", "level", "code", "specialty", "specialty_search", "headcount", "density"];

type Progress = (rows: number, bytesRead: number) => void;

function stat(sourceId: string, department: string, specialty: string, headcount: number | null, density: number | null): Row {
  return { source_id: sourceId, department_code: department, specialty, specialty_search: toSearchText(specialty), headcount, density };
}

/**
 * Writes each source's rows in one transaction: a source's previous rows that the file no longer
 * holds are removed. `aggregates` are the producer's own région and France rows, when it publishes them.
 */
async function writeStats(db: DataSource, dataset: string, sources: SourceRecord[], rows: Row[], lines: number, aggregates: Row[] = []): Promise<ImportSummary> {
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, sources);
    const total: SyncCounts = { added: 0, changed: 0, unchanged: 0, removed: 0 };
    for (const source of sources) {
      const c = await syncTable(
        manager,
        rows.filter((r) => r.source_id === source.id),
        { table: "professional_stat", key: ["source_id", "department_code", "specialty"], columns: PROFESSIONAL_STAT_COLUMNS, removeMissing: true, scope: { where: "source_id = ?", params: [source.id] } },
      );
      const a = await syncTable(
        manager,
        aggregates.filter((r) => r.source_id === source.id),
        { table: "professional_aggregate", key: ["source_id", "level", "code", "specialty"], columns: PROFESSIONAL_AGGREGATE_COLUMNS, removeMissing: true, scope: { where: "source_id = ?", params: [source.id] } },
      );
      for (const k of Object.keys(total) as (keyof SyncCounts)[]) total[k] += c[k] + a[k];
    }
    return total;
  });
  return { dataset, rows: lines, ...counts };
}

export interface DreesImportOptions {
  /** The densities file of the same layout (`rpps-departement-specialite-densite.csv`). Required. */
  densityFile: string;
  source: SourceRecord;
  onProgress?: Progress;
}

/**
 * DREES / RPPS "démographie des professionnels de santé": two CSV files of the same layout, one of
 * headcounts and one of densities per 100,000 inhabitants: `dept_code` then one column per specialty
 * group ("01-Médecine générale"…). The "Total général" row is skipped: national figures are
 * recomputed from départements (its density row is a sum of densities).
 */
export async function importDreesProfessionals(db: DataSource, headcountFile: string, options: DreesImportOptions): Promise<ImportSummary> {
  const densities = await LineChecker.open(db);
  const densityOf = new Map<string, number | null>();
  try {
    for await (const { line, record } of readCsv(options.densityFile)) {
      if (record.dept_code === "Total général") continue; // a sum of densities: meaningless
      const department = densities.department(record.dept_code, line);
      if (!department || !densities.once(department, `département ${department}`, line)) continue;
      for (const [column, text] of Object.entries(record)) {
        if (column === "dept_code") continue;
        const value = densities.number(parseDecimal(text), text, column, line);
        if (value !== undefined) densityOf.set(`${department}|${column}`, value);
      }
    }
  } catch (error) {
    densities.malformed(error);
  }
  densities.finish("drees-professionals (density file)", densityOf.size, "the density file holds no figure");

  const check = densities.forNextFile();
  const rows: Row[] = [];
  let lines = 0;
  try {
    for await (const { line, record } of readCsv(headcountFile, { onProgress: options.onProgress })) {
      lines++;
      if (record.dept_code === "Total général") continue; // national totals are recomputed from départements
      const department = check.department(record.dept_code, line);
      if (!department || !check.once(department, `département ${department}`, line)) continue;
      for (const [column, text] of Object.entries(record)) {
        if (column === "dept_code") continue;
        const headcount = check.number(parseInteger(text), text, column, line);
        if (headcount === undefined) continue;
        if (!densityOf.has(`${department}|${column}`)) {
          check.reject(line, `département ${department}, column "${column}": no density in the density file`);
          continue;
        }
        rows.push(stat(options.source.id, department, column, headcount, densityOf.get(`${department}|${column}`) ?? null));
      }
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("drees-professionals", rows.length, "the file holds no figure");
  return writeStats(db, "drees-professionals", [options.source], rows, lines);
}

export interface CnomImportOptions {
  /** The source of each year column (`densite_2025` → 2025). */
  sourceOf: (year: string) => SourceRecord;
  onProgress?: Progress;
}

/**
 * CNOM "approche territoriale des spécialités": `specialite`, `code_departement`, `departement`,
 * then one `densite_YYYY` column per year (densities per 100,000; CNOM publishes no headcounts).
 * Each year column becomes its own source; an empty cell is a missing figure.
 */
export async function importCnomDensities(db: DataSource, file: string, options: CnomImportOptions): Promise<ImportSummary> {
  const check = await LineChecker.open(db);
  const rows: Row[] = [];
  const years = new Set<string>();
  let lines = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      lines++;
      const yearColumns = Object.keys(record).filter((c) => /^densite_\d{4}$/.test(c));
      if (line === 2 && (yearColumns.length === 0 || !("specialite" in record) || !("code_departement" in record))) {
        check.reject(1, 'the header needs "specialite", "code_departement" and at least one "densite_YYYY" column');
        break;
      }
      const department = check.department(record.code_departement, line);
      const specialty = (record.specialite ?? "").trim();
      if (specialty === "") check.reject(line, "specialite is empty");
      if (!department || specialty === "" || !check.once(`${department}|${specialty}`, `${specialty} in ${department}`, line)) continue;
      for (const column of yearColumns) {
        const density = check.number(parseDecimal(record[column]), record[column], column, line);
        const year = column.slice("densite_".length);
        years.add(year);
        if (density !== null && density !== undefined) rows.push(stat(options.sourceOf(year).id, department, specialty, null, density));
      }
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("cnom-densities", rows.length, "the file holds no figure");
  return writeStats(db, "cnom-densities", [...years].sort().map(options.sourceOf), rows, lines);
}

export interface CnamImportOptions {
  /** The source of each year of the `annee` column. */
  sourceOf: (year: string) => SourceRecord;
  onProgress?: Progress;
}

/**
 * CNAM (data.ameli.fr) "professionnels de santé libéraux, effectif et densité par territoire": one
 * line per year, profession and territory, with `annee`, `profession_sante`, `departement`,
 * `effectif`, `densite`. Regional and national lines (`departement` 999, with `region` 99 for
 * France) are kept as the producer publishes them: CNAM divides each profession by the population
 * it serves, which a recomputation from départements could not know. Lines for one age class or
 * sex (`classe_age`, `libelle_sexe` other than all ages, both sexes) are skipped.
 */
export async function importCnamLiberaux(db: DataSource, file: string, options: CnamImportOptions): Promise<ImportSummary> {
  const check = await LineChecker.open(db);
  const regions = new Set(((await db.query("SELECT code FROM region")) as { code: string }[]).map((r) => r.code));
  const rows: Row[] = [];
  const aggregates: Row[] = [];
  const years = new Set<string>();
  let lines = 0;
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      lines++;
      if (line === 2 && !["annee", "profession_sante", "departement", "effectif", "densite"].every((c) => c in record)) {
        check.reject(1, 'the header needs "annee", "profession_sante", "departement", "effectif" and "densite"');
        break;
      }
      if (record.classe_age !== undefined && !["tout_age", "00-99", ""].includes(record.classe_age)) continue;
      if (record.libelle_sexe !== undefined && !/^(tout sexe|ensemble|)$/i.test(record.libelle_sexe.trim())) continue;
      const year = (record.annee ?? "").trim();
      if (!/^\d{4}$/.test(year)) {
        check.reject(line, `annee "${year}" is not a year`);
        continue;
      }
      const region = (record.region ?? "").trim();
      const published = record.departement === "999";
      if (published && region !== "99" && !regions.has(region)) {
        check.reject(line, `"${region}" is not a région code (regional lines have departement 999, France has region 99)`);
        continue;
      }
      const territory = published ? (region === "99" ? "FR" : `region ${region}`) : check.department(record.departement, line);
      const profession = (record.profession_sante ?? "").trim();
      if (profession === "") check.reject(line, "profession_sante is empty");
      if (!territory || profession === "" || !check.once(`${year}|${territory}|${profession}`, `${profession} in ${territory} for ${year}`, line)) continue;
      const headcount = check.number(parseInteger(record.effectif), record.effectif, "effectif", line);
      const density = check.number(parseDecimal(record.densite), record.densite, "densite", line);
      if (headcount === undefined || density === undefined) continue;
      years.add(year);
      const sourceId = options.sourceOf(year).id;
      if (!published) rows.push(stat(sourceId, territory, profession, headcount, density));
      else {
        const { department_code: _code, ...fields } = stat(sourceId, "", profession, headcount, density);
        aggregates.push({ ...fields, level: region === "99" ? "FRANCE" : "REGION", code: region === "99" ? "FR" : region });
      }
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("cnam-liberaux", rows.length + aggregates.length, "the file holds no figure");
  return writeStats(db, "cnam-liberaux", [...years].sort().map(options.sourceOf), rows, lines, aggregates);
}
