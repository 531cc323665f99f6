import type { DataSource } from "typeorm";
import { normalizeDepartmentCode } from "../lib/codes";
import { ImportRejectedError, type Rejection } from "./import-result";

/**
 * Checks every line of an input file before anything is written, collecting one rejection per
 * bad line: département codes, numbers, duplicates, malformed CSV. `finish` then throws the
 * whole list, or lets the caller write.
 */
export class LineChecker {
  readonly rejections: Rejection[] = [];
  private readonly seen = new Map<string, number>();
  /** `departments`: the codes `department()` accepts (none needed by files without département codes). */
  constructor(private readonly departments: Set<string> = new Set()) {}

  static async open(db: DataSource): Promise<LineChecker> {
    const rows = (await db.query("SELECT code FROM department")) as { code: string }[];
    return new LineChecker(new Set(rows.map((d) => d.code)));
  }

  reject(line: number, message: string): void {
    this.rejections.push({ line, message });
  }

  /** A checker for another file of the same import, with the same départements (not read again). */
  forNextFile(): LineChecker {
    return new LineChecker(this.departments);
  }

  /** The INSEE code of an existing département, or null (and a rejection). */
  department(raw: string | undefined, line: number): string | null {
    const code = this.departmentCode(raw);
    if (!code) this.reject(line, `"${raw ?? ""}" is not a département code`);
    return code;
  }

  /** The INSEE code of an existing département, or null (without a rejection). */
  departmentCode(raw: string | undefined): string | null {
    const code = normalizeDepartmentCode(raw ?? "");
    return code && this.departments.has(code) ? code : null;
  }

  number(value: number | null, text: string | undefined, column: string, line: number): number | null | undefined {
    if (value !== null && (Number.isNaN(value) || value < 0)) {
      this.reject(line, `column "${column}": "${text}" is not a number`);
      return undefined;
    }
    return value;
  }

  /** False (and a rejection) when the same key was already given on another line. */
  once(key: string, what: string, line: number): boolean {
    if (!this.unseen(key, what, line)) return false;
    this.remember(key, line);
    return true;
  }

  /** Like `once`, without keeping the key: for a line that may still be rejected, `remember` it once accepted. */
  unseen(key: string, what: string, line: number): boolean {
    const first = this.seen.get(key);
    if (first !== undefined) this.reject(line, `${what} already given on line ${first}`);
    return first === undefined;
  }

  remember(key: string, line: number): void {
    this.seen.set(key, line);
  }

  /** csv-parse stops at malformed CSV (an unclosed quote…) and says at which line. */
  malformed(error: unknown): void {
    this.reject((error as { lines?: number }).lines ?? 0, `malformed CSV: ${(error as Error).message}`);
  }

  /** Throws the file's rejections, or a rejection of the whole file when it held nothing to load. */
  finish(dataset: string, loaded: number, emptyMessage: string): void {
    if (this.rejections.length === 0 && loaded === 0) this.reject(1, emptyMessage);
    if (this.rejections.length > 0) throw new ImportRejectedError(dataset, this.rejections);
  }
}
