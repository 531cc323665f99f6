/** One line of an input file that cannot be loaded, and why. */
export interface Rejection {
  line: number;
  message: string;
}

/** Bad lines listed in the message; the others are counted. */
const LISTED = 20;

/** A file with at least one bad line: nothing of it was written. */
export class ImportRejectedError extends Error {
  override name = "ImportRejectedError";
  /** Every bad line of the file, even those not kept in `rejections` (a huge bad file lists only the first ones). */
  readonly rejectedCount: number;
  constructor(
    readonly dataset: string,
    readonly rejections: Rejection[],
    rejectedCount = rejections.length,
  ) {
    super(
      `${dataset}: file rejected, nothing was changed (${rejectedCount} bad line${rejectedCount > 1 ? "s" : ""}):\n` +
        rejections
          .slice(0, LISTED)
          .map((r) => `  line ${r.line}: ${r.message}`)
          .join("\n") +
        (rejectedCount > LISTED ? `\n  … and ${rejectedCount - LISTED} more` : ""),
    );
    this.rejectedCount = rejectedCount;
  }
}

export interface ImportSummary {
  dataset: string;
  /** Data lines read (header excluded). */
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** What else the summary should say (lines read but not counted, and why). */
  notes?: string[];
}
