import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Database } from "../../src/db/database";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { createRequestContext } from "../../src/context/request-context";
import { createApollo } from "../../src/server/apollo";
import { buildExecutable } from "../../src/server/executable";
import { TEST_SCHEMA } from "../support/test-api";

/** A value as a partner reads it: numbers, texts, flags, or null. */
export type Comparable = number | string | boolean | null;

/** Where the bundled files sit, and the data notes that document them. */
export const DATA_DIR = path.join(__dirname, "../../seeds/data");

/** Reads a bundled CSV file whole (the test reads the files itself, never through the importers). */
export function readCsvFile(name: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(DATA_DIR, name)), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** "100,11" → 100.11; "" → null. */
export function decimal(text: string | undefined): number | null {
  const t = (text ?? "").trim();
  return t === "" ? null : Number(t.replace(",", "."));
}

/** File département codes ("1", "02A", "D971") in INSEE form ("01", "2A", "971"). */
export function departmentCode(text: string): string {
  const t = text.trim().replace(/^D/, "");
  if (/^0?2[AB]$/i.test(t)) return t.slice(-2).toUpperCase();
  return /^\d$/.test(t) ? `0${t}` : t;
}

/**
 * Runs operations through what the server serves (the gateway, or the monolith with
 * TEST_SCHEMA=monolith), with the abuse limits raised: the comparison reads every value of a
 * dataset in a few large batched queries, which a partner could not send.
 */
export async function createFidelityApi(db: Database) {
  const { executable } = await buildExecutable(TEST_SCHEMA === "monolith" ? { kind: "monolith" } : { kind: "gateway" }, { reportError: () => {} });
  const server = await createApollo({
    executable,
    limits: { ...DEFAULT_LIMITS, maxAliases: 10_000, maxTokens: 1_000_000, maxCost: 100_000_000, maxDepth: 20 },
    reportError: () => {},
  });
  return {
    async query<T = any>(query: string): Promise<T> {
      const response = await server.executeOperation({ query }, { contextValue: createRequestContext(db) });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
      const { data, errors } = response.body.singleResult;
      if (errors) throw new Error(`query failed: ${errors.map((e) => e.message).join("; ")}\n${query.slice(0, 300)}`);
      return data as T;
    },
    stop: () => server.stop(),
  };
}
export type FidelityApi = Awaited<ReturnType<typeof createFidelityApi>>;

/** One value that differs between the file and the API. */
export interface Difference {
  key: string;
  file: Comparable | undefined;
  served: Comparable | undefined;
}

/** Relative tolerance for values the API computes from the file (weighted means): float rounding only. */
const COMPUTED_TOLERANCE = 1e-9;

function equal(a: Comparable | undefined, b: Comparable | undefined, computed: boolean): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return computed ? Math.abs(a - b) <= COMPUTED_TOLERANCE * Math.max(1, Math.abs(a)) : a === b;
  }
  return a === b;
}

/**
 * Compares every value the file holds with the one the API serves under the same key. A value
 * the API does not serve counts as a difference; so does one it serves that the file lacks.
 * Keys starting with "computed:" are compared with a float tolerance.
 */
export function compare(file: Map<string, Comparable>, served: Map<string, Comparable>): { checked: number; differences: Difference[] } {
  const differences: Difference[] = [];
  for (const [key, value] of file) {
    if (!equal(value, served.get(key), key.startsWith("computed:")) || !served.has(key)) differences.push({ key, file: value, served: served.get(key) });
  }
  for (const [key, value] of served) if (!file.has(key)) differences.push({ key, file: undefined, served: value });
  return { checked: file.size, differences };
}

/** The text of one numbered section of SOURCES.md ("4", "6–11", "14"), with its line breaks read as spaces. */
export function sourcesSection(sourcesMd: string, number: string): string {
  const start = sourcesMd.search(new RegExp(`^## ${number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`, "m"));
  if (start < 0) throw new Error(`SOURCES.md has no section ${number}`);
  const next = sourcesMd.slice(start + 3).search(/^## /m);
  const section = next < 0 ? sourcesMd.slice(start) : sourcesMd.slice(start, start + 3 + next);
  return section.replace(/\s+/g, " ");
}
