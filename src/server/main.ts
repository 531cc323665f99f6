import "reflect-metadata";
import { parseCliArgs } from "../config/cli-args";
import { ConfigError, loadConfig } from "../config/config";
import { openDatabase } from "../db/data-source";
import { CompositionError } from "../gateway/compose";
import { SubgraphUnreachableError } from "../gateway/create-gateway";
import { GatewayConfigError, loadGatewayConfig } from "../gateway/gateway-config";
import { seedIfEmpty } from "../../seeds/seed";
import { BATCHED, NAIVE } from "../loaders/batch";
import { createResponseCache, describeResponseCache } from "../cache/response-cache";
import { UnknownSubgraphError, type ServeMode } from "./executable";
import { startServer } from "./start-server";

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Errors that mean "fix your configuration": one clear message, no stack. */
const CONFIGURATION_ERRORS = [ConfigError, GatewayConfigError, CompositionError, SubgraphUnreachableError, UnknownSubgraphError];

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  const mode: ServeMode = args.subgraph
    ? { kind: "subgraph", name: args.subgraph }
    : args.monolith
      ? { kind: "monolith" }
      : { kind: "gateway", config: loadGatewayConfig(args.gatewayConfig ?? process.env.GATEWAY_CONFIG) };
  const db = await openDatabase(config.database);
  await seedIfEmpty(db, log);
  const responseCache = config.responseCache ? createResponseCache(config.responseCache) : undefined;
  const running = await startServer({
    db,
    mode,
    port: args.port ?? config.port,
    loaderBatching: config.loaderBatching === "off" ? NAIVE : BATCHED,
    responseCache,
  });
  log(`territoire-santé: ${running.description}`);
  log(`response cache: ${describeResponseCache(config.responseCache)}`);
  log(`ready on ${running.url} in ${Date.now() - started} ms`);
  const shutdown = async () => {
    await running.close();
    await responseCache?.close();
    await db.destroy();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  const expected = CONFIGURATION_ERRORS.some((type) => error instanceof type);
  process.stderr.write(`start-up failed: ${expected ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
