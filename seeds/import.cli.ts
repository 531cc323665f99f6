// Loaded first: the entities are type-graphql classes, whose decorators need it.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../src/config/config";
import { invalidateFromAnotherProcess } from "../src/cache/response-cache";
import { openDatabase } from "../src/db/database";
import { runImport } from "./import.command";

/** `npm run import -- <dataset> FILE`: loads a data file into the configured database. */
const config = loadConfig();
runImport(process.argv.slice(2), {
  openDb: () => openDatabase(config.database).then((db) => db.dataSource),
  closeDb: (db) => db.destroy(),
  stdout: process.stdout,
  stderr: process.stderr,
  // Running servers must not keep serving answers from before the import.
  afterImport: () => invalidateFromAnotherProcess(config.responseCache),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
