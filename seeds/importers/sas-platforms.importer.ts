import type { DataSource } from "typeorm";
import { readCsv, parseInteger } from "../lib/csv";
import { normalizeDepartmentCode } from "../lib/codes";
import { syncTable, type Row } from "../lib/sync-table";
import type { SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";

export interface SasImportOptions {
  /** Date of the list (YYYY or YYYY-MM-DD). Required. */
  vintage: string;
  producer?: string;
  title?: string;
  url?: string;
  licence?: string;
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
  const source: SourceRecord = {
    id: `sas-platforms-${options.vintage}`,
    producer: options.producer ?? "Ministère de la Santé",
    title: options.title ?? `Liste des services d'accès aux soins (SAS), ${options.vintage}`,
    vintage: options.vintage,
    url: options.url,
    licence: options.licence,
  };
  const departments = new Set(((await db.query("SELECT code FROM department")) as { code: string }[]).map((d) => d.code));
  const check = new LineChecker(departments);
  const platforms: Row[] = [];
  const links: Row[] = [];
  const ids = new Map<string, number>();
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
      if (ids.has(id)) {
        reject(`id ${id} already given on line ${ids.get(id)}`);
        continue;
      }
      if (name === "") {
        reject("name is empty");
        continue;
      }
      const codes = (record.departments ?? "").split(";").map((c) => c.trim()).filter((c) => c !== "");
      const normalized = codes.map((c) => normalizeDepartmentCode(c));
      const bad = codes.filter((c, i) => !normalized[i] || !departments.has(normalized[i]!));
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
      ids.set(id, line);
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
