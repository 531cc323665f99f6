import path from "node:path";
import type { DataSource } from "typeorm";
import { toSearchText } from "../../src/db/search-text";
import { COMMUNE_CODE } from "../../src/validation/territory-codes";
import { currentCommuneOf } from "../lib/current-commune";
import { readCsv } from "../lib/csv";
import { syncTable, type Row, type SyncCounts } from "../lib/sync-table";
import { ETALAB, sourceFor, type SourceOverrides, type SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import { ImportRejectedError, type ImportSummary, type Rejection } from "./import-result";
import { PROFESSIONAL_STAT_COLUMNS } from "./professionals.importer";

/**
 * The columns of the Annuaire santé extraction `PS_LibreAcces_Personne_activite_*.txt` that the
 * import reads (the file has about 56; see seeds/README.md). One line per activity of a professional.
 */
export const RPPS_COLUMNS = {
  person: "Identification nationale PP",
  professionCode: "Code profession",
  profession: "Libellé profession",
  specialtyType: "Code type savoir-faire",
  specialty: "Libellé savoir-faire",
  commune: "Code commune (coord. structure)",
} as const;

/** Columns without which the file cannot be read; the savoir-faire ones are optional (newer extractions put them in a file of their own). */
const REQUIRED = [RPPS_COLUMNS.person, RPPS_COLUMNS.professionCode, RPPS_COLUMNS.profession, RPPS_COLUMNS.commune];
/** "S" = spécialité ordinale: the specialty the professional body recognises (other savoir-faire types are extra skills). */
const SPECIALTY_TYPE = "S";
/** Rejections listed before the rest are only counted: a bad national file would otherwise print millions of lines. */
const MAX_LISTED = 1000;

export interface RppsImportOptions extends SourceOverrides {
  /** Date of the extraction (YYYY-MM-DD); default: read from the file name (…_202504040839.txt → 2025-04-04). */
  vintage?: string;
  /** Text encoding. Default utf8 (older extractions were ISO-8859-1: pass latin1). */
  encoding?: BufferEncoding;
  onProgress?: (rows: number, bytesRead: number) => void;
}

/** The extraction date in the published file name, e.g. PS_LibreAcces_Personne_activite_202504040839.txt. */
export function vintageFromFileName(file: string): string | null {
  const match = path.basename(file).match(/_(\d{4})(\d{2})(\d{2})\d{0,6}\.(txt|csv)$/i);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export function rppsSource(vintage: string, options: RppsImportOptions = {}): SourceRecord {
  const source = sourceFor(`ans-rpps-${vintage}`, vintage, {
    producer: "ANS (Agence du numérique en santé), Annuaire santé: RPPS",
    title: "Extraction en libre accès des professionnels de santé (PS_LibreAcces_Personne_activite): professionals per commune of activity",
    url: "https://annuaire.sante.fr (extractions en libre accès)",
    licence: ETALAB,
  }, options);
  return {
    ...source,
    note:
      "Distinct professionals (national RPPS number) with at least one activity whose structure is in the commune; one working in " +
      "several communes counts in each, and once in a département. Activities without a commune in France are not counted.",
  };
}

/** How the département table labels a line: "Médecin – Médecine générale", or the profession alone. */
export const rppsSpecialtyLabel = (profession: string, specialty: string) => (specialty ? `${profession} – ${specialty}` : profession);

/**
 * `npm run import -- rpps FILE`: the national RPPS extraction, pipe-separated with a header line,
 * streamed. Counts distinct professionals per commune (current COG communes: old codes and
 * arrondissements are mapped), profession and specialty, and per département. Every line is
 * checked; one malformed line (wrong number of fields, no RPPS number, a profession or commune
 * code that is not a code) rejects the whole file. Activities without a commune, or with a
 * commune code unknown to the COG 2026, are not counted and are reported in the summary.
 */
export async function importRppsExtraction(db: DataSource, file: string, options: RppsImportOptions = {}): Promise<ImportSummary> {
  const vintage = options.vintage ?? vintageFromFileName(file);
  if (!vintage || !/^\d{4}-\d{2}-\d{2}$/.test(vintage)) {
    throw new Error(`--vintage YYYY-MM-DD is required when the file name holds no extraction date (received "${options.vintage ?? path.basename(file)}")`);
  }
  const source = rppsSource(vintage, options);
  const current = currentCommuneOf();
  const departmentOf = new Map(((await db.query("SELECT code, department_code FROM commune")) as { code: string; department_code: string }[]).map((c) => [c.code, c.department_code]));

  const rejections: Rejection[] = [];
  let rejected = 0;
  const reject = (line: number, message: string) => {
    rejected++;
    if (rejections.length < MAX_LISTED) rejections.push({ line, message });
  };
  const perCommune = new Map<string, Set<string>>(); // commune|profession|specialty → RPPS numbers
  const perDepartment = new Map<string, Set<string>>(); // département|label → RPPS numbers
  const add = (map: Map<string, Set<string>>, key: string, person: string) => {
    let people = map.get(key);
    if (!people) map.set(key, (people = new Set()));
    people.add(person);
  };
  let lines = 0;
  let withoutCommune = 0;
  const unknownCommunes: number[] = [];
  let unknownCount = 0;
  try {
    for await (const { line, record } of readCsv(file, {
      delimiter: "|",
      quote: false,
      encoding: options.encoding,
      onProgress: options.onProgress,
      onBadLine: (bad, message) => reject(bad, `malformed line: ${message}`),
    })) {
      lines++;
      if (lines === 1) {
        const missing = REQUIRED.filter((c) => !(c in record));
        if (missing.length > 0) {
          reject(1, `the header lacks ${missing.map((c) => `"${c}"`).join(", ")}: is this PS_LibreAcces_Personne_activite?`);
          break;
        }
      }
      const person = record[RPPS_COLUMNS.person].trim();
      const professionCode = record[RPPS_COLUMNS.professionCode].trim();
      const profession = record[RPPS_COLUMNS.profession].trim();
      const communeRaw = record[RPPS_COLUMNS.commune].trim();
      if (person === "") {
        reject(line, `"${RPPS_COLUMNS.person}" is empty`);
        continue;
      }
      if (!/^\d{1,3}$/.test(professionCode) || profession === "") {
        reject(line, `"${RPPS_COLUMNS.professionCode}" "${professionCode}" with label "${profession}" is not a profession`);
        continue;
      }
      if (communeRaw === "") {
        withoutCommune++;
        continue;
      }
      if (!COMMUNE_CODE.test(communeRaw)) {
        reject(line, `"${RPPS_COLUMNS.commune}" "${communeRaw}" is not an INSEE commune code`);
        continue;
      }
      const commune = current.get(communeRaw);
      const department = commune ? departmentOf.get(commune) : undefined;
      if (!commune || !department) {
        unknownCount++;
        if (unknownCommunes.length < 5) unknownCommunes.push(line);
        continue;
      }
      const specialty = (record[RPPS_COLUMNS.specialtyType] ?? "").trim() === SPECIALTY_TYPE ? (record[RPPS_COLUMNS.specialty] ?? "").trim() : "";
      add(perCommune, `${commune}|${profession}|${specialty}`, person);
      add(perDepartment, `${department}|${rppsSpecialtyLabel(profession, specialty)}`, person);
    }
  } catch (error) {
    reject((error as { lines?: number }).lines ?? 0, `malformed file: ${(error as Error).message}`);
  }
  if (rejected === 0 && perCommune.size === 0) reject(1, "the file holds no activity in a French commune");
  if (rejected > 0) throw new ImportRejectedError("rpps", rejections, rejected);

  const communeRows: Row[] = [...perCommune].map(([key, people]) => {
    const [commune_code, profession, specialty] = key.split("|");
    return { source_id: source.id, commune_code, profession, specialty, headcount: people.size };
  });
  const departmentRows: Row[] = [...perDepartment].map(([key, people]) => {
    const [department_code, specialty] = key.split("|");
    return { source_id: source.id, department_code, specialty, specialty_search: toSearchText(specialty), headcount: people.size, density: null };
  });
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [source]);
    const scope = { where: "source_id = ?", params: [source.id] };
    const communes = await syncTable(manager, communeRows, {
      table: "professional_commune",
      key: ["source_id", "commune_code", "profession", "specialty"],
      columns: ["source_id", "commune_code", "profession", "specialty", "headcount"],
      removeMissing: true,
      scope,
    });
    await syncTable(manager, departmentRows, {
      table: "professional_stat",
      key: ["source_id", "department_code", "specialty"],
      columns: PROFESSIONAL_STAT_COLUMNS,
      removeMissing: true,
      scope,
    });
    return communes;
  });
  const notes = [
    `${communeRows.length.toLocaleString("en-US")} commune × profession figures and ${departmentRows.length.toLocaleString("en-US")} département figures (source ${source.id})`,
  ];
  if (withoutCommune > 0) notes.push(`${withoutCommune.toLocaleString("en-US")} activities without a commune (abroad, or no address) were not counted`);
  if (unknownCount > 0) {
    notes.push(`${unknownCount.toLocaleString("en-US")} activities in a commune code unknown to the COG 2026 were not counted (lines ${unknownCommunes.join(", ")}${unknownCount > 5 ? ", …" : ""})`);
  }
  return { dataset: "rpps", rows: lines, ...(counts as SyncCounts), notes };
}
