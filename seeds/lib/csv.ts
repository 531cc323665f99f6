import fs from "node:fs";
import { parse, type Options } from "csv-parse";

export interface CsvRow {
  /** Line number in the file (1 = header), for error messages. */
  line: number;
  record: Record<string, string>;
}

export interface CsvOptions {
  delimiter?: string;
  /** Quote character; false for formats that never quote (the RPPS extraction, where a `"` is part of a name). Default `"`. */
  quote?: string | false;
  /** Text encoding of the file. Default utf8. */
  encoding?: BufferEncoding;
  /** Called every `progressEvery` rows with the bytes read so far (for a progress bar). */
  onProgress?: (rows: number, bytesRead: number) => void;
  progressEvery?: number;
  /**
   * Called for a line that cannot be split into the header's columns, and reading goes on, so
   * that every bad line of a file is reported at once. Without it, the first such line throws.
   */
  onBadLine?: (line: number, message: string) => void;
}

/** Streams a CSV file with a header row, one record at a time (large files never sit in memory whole). */
export async function* readCsv(file: string, options: CsvOptions = {}): AsyncGenerator<CsvRow> {
  const input = fs.createReadStream(file);
  const parserOptions: Options = {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    delimiter: options.delimiter ?? ",",
    encoding: options.encoding ?? "utf8",
    info: true,
    quote: options.quote ?? '"',
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: options.onBadLine !== undefined,
    trim: false,
  };
  const parser = input.pipe(parse(parserOptions));
  if (options.onBadLine) {
    const report = options.onBadLine;
    parser.on("skip", (error: Error & { lines?: number }) => report(error.lines ?? 0, error.message));
  }
  let rows = 0;
  const every = options.progressEvery ?? 5000;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      rows++;
      if (options.onProgress && rows % every === 0) options.onProgress(rows, input.bytesRead);
      yield { line: item.info.lines, record: item.record };
    }
  } finally {
    input.destroy();
  }
  options.onProgress?.(rows, input.bytesRead);
}

/** "100,11" or "100.11" → 100.11; "" → null; anything else → NaN (the caller rejects the line). */
export function parseDecimal(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (t === "") return null;
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : NaN;
}

export function parseInteger(text: string | undefined): number | null {
  const value = parseDecimal(text);
  return value === null || Number.isInteger(value) ? value : NaN;
}
