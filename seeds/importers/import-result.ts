/** One line of an input file that cannot be loaded, and why. */
export interface Rejection {
  line: number;
  message: string;
}

/** A file with at least one bad line: nothing of it was written. */
export class ImportRejectedError extends Error {
  override name = "ImportRejectedError";
  constructor(
    readonly dataset: string,
    readonly rejections: Rejection[],
  ) {
    super(
      `${dataset}: file rejected, nothing was changed (${rejections.length} bad line${rejections.length > 1 ? "s" : ""}):\n` +
        rejections
          .slice(0, 20)
          .map((r) => `  line ${r.line}: ${r.message}`)
          .join("\n") +
        (rejections.length > 20 ? `\n  … and ${rejections.length - 20} more` : ""),
    );
  }
}

export interface ImportSummary {
  dataset: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
}
