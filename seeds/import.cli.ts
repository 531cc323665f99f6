import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config/config";
import { invalidateFromAnotherProcess } from "../src/cache/response-cache";
import { openDatabase } from "../src/db/data-source";
import { ImportRejectedError, type ImportSummary } from "./importers/import-result";
import { IMPORTERS } from "./importers";

const USAGE = `Usage: npm run import -- <dataset> FILE [options]

Datasets:
${Object.entries(IMPORTERS)
  .map(([name, i]) => `  ${name.padEnd(16)} ${i.describe}`)
  .join("\n")}

A file with one bad line is rejected whole: nothing is changed, and every bad line is listed.`;

/** `npm run import -- <dataset> FILE`: loads a data file into the configured database. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      replace: { type: "boolean", default: false },
      vintage: { type: "string" },
      producer: { type: "string" },
      title: { type: "string" },
      url: { type: "string" },
      licence: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const [dataset, file] = positionals;
  if (values.help || !dataset || !file) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const importer = IMPORTERS[dataset];
  if (!importer) {
    process.stderr.write(`unknown dataset "${dataset}"\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const started = Date.now();
    const summary: ImportSummary = await importer.run(db, file, values);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${summary.dataset}: ${summary.rows} rows read in ${seconds.toFixed(1)} s; ` +
        `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.removed} removed, 0 rejected\n`,
    );
    process.stdout.write(`${await invalidateFromAnotherProcess(config.responseCache)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
