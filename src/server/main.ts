import "reflect-metadata";
import { ConfigError, loadConfig } from "../config/config";
import { openDatabase } from "../db/data-source";
import { buildMonolithSchema } from "../schema/monolith";
import { ALL_SUBGRAPHS } from "../schema/subgraphs";
import { seedIfEmpty } from "../../seeds/seed";
import { createApp } from "./app";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const db = await openDatabase(config.database);
  await seedIfEmpty(db, log);
  const schema = await buildMonolithSchema(ALL_SUBGRAPHS);
  const { app, apollo } = await createApp({ db, schema });
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    log(`territoire-santé ready on http://localhost:${port}/graphql (${Date.now() - started} ms)`);
  });
  const shutdown = async () => {
    server.close();
    await apollo.stop();
    await db.destroy();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`start-up failed: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
