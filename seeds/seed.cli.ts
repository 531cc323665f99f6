// Loaded first: the entities are type-graphql classes, whose decorators need it.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../src/config/config";
import { openDatabase } from "../src/db/database";
import { seedAll } from "./seed";

/** `npm run seed`: loads or refreshes every bundled dataset in the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await seedAll(db.dataSource, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
