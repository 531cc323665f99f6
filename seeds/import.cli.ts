import { ConfigError, loadConfig } from "../src/config/config";
import { openDatabase } from "../src/db/data-source";
import { runImport } from "./import.command";

/** `npm run import -- <dataset> FILE`: loads a data file into the configured database. */
runImport(process.argv.slice(2), {
  openDb: () => openDatabase(loadConfig().database),
  closeDb: (db) => db.destroy(),
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
