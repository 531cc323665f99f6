import type { DataSource } from "typeorm";
import { readCsv, parseInteger } from "../lib/csv";
import { syncTable, type Row } from "../lib/sync-table";
import { sourceFor, type SourceOverrides } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";

export interface SasImportOptions extends SourceOverrides {
  /** Date of the list (YYYY or YYYY-MM-DD). Required. */
  vintage: string;
  onProgress?: (rows: number, bytesRead: number) => void;
}

/**
 * `npm run import -- sas-platforms FILE.csv --vintage 2025`: the list of SAS platforms.
 * Columns: `id`, `name`, `departments` (INSEE codes separated by ";"), and optionally
 * `appointments_booked`. A département belongs to one SAS at most. The file replaces the
 * previous list; one bad line rejects it whole.
 */
export async function importSasPlatforms(db: DataSource, file: string, options: SasImportOptions): Promise<ImportSummary> {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(options.vintage)) throw new Error(`--vintage must be YYYY or YYYY-MM-DD (received "${options.vintage}")`);
  const source = sourceFor(`sas-platforms-${options.vintage}`, options.vintage, {
    producer: "Ministère de la Santé",
    title: `Liste des services d'accès aux soins (SAS), ${options.vintage}`,
  }, options);
  const check = await LineChecker.open(db);
  const platforms: Row[] = [];
  const links: Row[] = [];
  const departmentLine = new Map<string, number>();
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      const reject = (message: string) => check.reject(line, message);
      const id = (record.id ?? "").trim();
      const name = (record.name ?? "").trim();
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) {
        reject(`id "${id}" must be 1 to 40 letters, digits, "-" or "_"`);
        continue;
      }
      // The id is kept (for duplicates) only once the whole line is accepted.
      if (!check.unseen(id, `id ${id}`, line)) continue;
      if (name === "") {
        reject("name is empty");
        continue;
      }
      const codes = (record.departments ?? "").split(";").map((c) => c.trim()).filter((c) => c !== "");
      const normalized = codes.map((c) => check.departmentCode(c));
      const bad = codes.filter((_, i) => !normalized[i]);
      if (codes.length === 0 || bad.length > 0) {
        reject(codes.length === 0 ? "departments is empty" : `unknown département code(s): ${bad.join(", ")}`);
        continue;
      }
      const taken = normalized.filter((c) => departmentLine.has(c!));
      if (taken.length > 0) {
        reject(`département(s) ${taken.join(", ")} already covered on line ${departmentLine.get(taken[0]!)}`);
        continue;
      }
      const booked = parseInteger(record.appointments_booked);
      if (booked !== null && (Number.isNaN(booked) || booked < 0)) {
        reject(`appointments_booked "${record.appointments_booked}" is not a whole number`);
        continue;
      }
      check.remember(id, line);
      for (const c of normalized) {
        departmentLine.set(c!, line);
        links.push({ platform_id: id, department_code: c! });
      }
      platforms.push({ id, name, appointments_booked: booked, source_id: source.id });
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("sas-platforms", platforms.length, "the file holds no platform");
  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [source]);
    const platformTable = { table: "sas_platform", key: ["id"], columns: ["id", "name", "appointments_booked", "source_id"] };
    // Platforms first (links point to them), then links, then platforms no longer listed.
    const written = await syncTable(manager, platforms, platformTable);
    await syncTable(manager, links, { table: "sas_platform_department", key: ["platform_id", "department_code"], columns: ["platform_id", "department_code"], removeMissing: true });
    const { removed } = await syncTable(manager, platforms, { ...platformTable, removeMissing: true });
    return { ...written, removed };
  });
  return { dataset: "sas-platforms", rows: platforms.length, ...counts };
}
