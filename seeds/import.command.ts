import fs from "node:fs";
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { ImportRejectedError, type ImportSummary } from "./importers/import-result";
import { IMPORTERS } from "./importers";
import { fileProgress } from "./lib/progress";

export const USAGE = `Usage: npm run import -- <dataset> FILE [options]

Datasets:
${Object.entries(IMPORTERS)
  .map(([name, i]) => `  ${name.padEnd(20)} ${i.describe}`)
  .join("\n")}

Options: --vintage, --producer, --title, --url, --licence (the source of the figures), --replace
(zones-rouges), --density FILE (drees-professionals), --encoding latin1 (rpps).
A file with one bad line is rejected whole: nothing is changed, and every bad line is listed.`;

export interface ImportIo {
  /** Opens the database (called only once the arguments are valid). */
  openDb: () => Promise<DataSource>;
  /** Closes what openDb opened. */
  closeDb: (db: DataSource) => Promise<void>;
  stdout: NodeJS.WritableStream;
  /** Progress bar and errors. */
  stderr: NodeJS.WritableStream;
  /** Seconds between progress lines when stderr is not a terminal. Default 2. */
  progressEverySeconds?: number;
  /** Run once the import has committed (e.g. dropping servers' cached answers); its line is printed. */
  afterImport?: () => Promise<string>;
}

function summaryLine(summary: ImportSummary, seconds: number): string {
  const rate = seconds > 0 ? Math.round(summary.rows / seconds).toLocaleString("en-US") : "…";
  return (
    `${summary.dataset}: ${summary.rows.toLocaleString("en-US")} rows read in ${seconds.toFixed(1)} s (${rate} rows/s); ` +
    `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.removed} removed, 0 rejected\n` +
    (summary.notes ?? []).map((n) => `  ${n}\n`).join("")
  );
}

/** `npm run import -- <dataset> FILE [options]`; returns the exit code (0 done, 1 rejected or failed, 2 usage). */
export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      replace: { type: "boolean", default: false },
      vintage: { type: "string" },
      producer: { type: "string" },
      title: { type: "string" },
      url: { type: "string" },
      licence: { type: "string" },
      density: { type: "string" },
      encoding: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const [dataset, file] = positionals;
  if (values.help || !dataset || !file) {
    io.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const importer = IMPORTERS[dataset];
  if (!importer) {
    io.stderr.write(`unknown dataset "${dataset}"\n${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    io.stderr.write(`${file}: no such file\n`);
    return 2;
  }
  const progress = fileProgress(file, dataset, { stream: io.stderr, everySeconds: io.progressEverySeconds });
  const db = await io.openDb();
  const started = Date.now();
  try {
    const summary = await importer.run(db, file, { ...values, onProgress: progress.update });
    progress.stop();
    io.stdout.write(summaryLine(summary, (Date.now() - started) / 1000));
    if (io.afterImport) io.stdout.write(`${await io.afterImport()}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof ImportRejectedError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await io.closeDb(db);
  }
}
