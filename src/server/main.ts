import "reflect-metadata";
import cluster from "node:cluster";
import { parseCliArgs } from "../config/cli-args";
import { loadConfig } from "../config/config";
import { openDatabase } from "../db/database";
import { ConfigError } from "../errors/errors";
import { createLogger } from "../observability/logger";
import type { ServeMode } from "./executable";
import { listen } from "./listen";

/**
 * The process: its settings, then its port, then its database, each checked in that order before
 * anything else is loaded (serve.ts, imported once they hold). A ConfigError (a wrong setting, a
 * PORT in use, a DATABASE_URL that is not a usable database, a supergraph that does not compose)
 * is printed as one line per problem, without a stack, and the process exits 1.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const args = parseCliArgs(process.argv.slice(2));
  // Command-line options override the environment: they are read as the same variables.
  const config = loadConfig({
    ...process.env,
    ...(args.port !== undefined && { PORT: String(args.port) }),
    ...(args.gatewayConfig !== undefined && { GATEWAY_CONFIG: args.gatewayConfig }),
  });
  const workers = args.workers ?? config.workers;
  if (workers > 1 && cluster.isPrimary) {
    // The port is the workers' to share: bound here only to find out it can be, before seeding.
    for (const port of [config.port, config.healthPort]) {
      if (port === undefined) continue;
      const probe = await listen(port, config.host, undefined, port === config.port ? "PORT" : "HEALTH_PORT");
      await new Promise<void>((resolve) => probe.server.close(() => resolve()));
    }
    const primaryLogger = createLogger({ level: config.logLevel }).child({ role: "primary" });
    // Seeding once, before any worker opens the database: two seeds at once would collide.
    const prepare = async () => {
      const db = await openDatabase(config.database, config.databaseTuning);
      try {
        const { seedIfEmpty } = await import("../../seeds/seed");
        await seedIfEmpty(db.dataSource, (line) => primaryLogger.info(line.trim()));
      } finally {
        await db.close();
      }
    };
    const { runPrimary } = await import("./cluster/primary");
    return runPrimary({ workers, logger: primaryLogger, prepare, shutdownTimeoutMs: config.shutdownTimeoutMs });
  }
  const workerId = cluster.isWorker ? cluster.worker?.id : undefined;
  const logger = workerId === undefined ? createLogger({ level: config.logLevel }) : createLogger({ level: config.logLevel }).child({ worker: workerId, pid: process.pid });
  const mode: ServeMode = args.subgraph
    ? { kind: "subgraph", name: args.subgraph }
    : args.monolith
      ? { kind: "monolith" }
      : { kind: "gateway", config: config.gateway };
  // The port first: PORT in use or a HOST not of this machine stops the start before the database is opened or seeded.
  // A cluster's worker listens once ready instead (the primary checked the port): until then the primary hands its
  // connections to the workers already serving.
  const listener = workerId === undefined ? await listen(config.port, config.host, config.keepAliveTimeoutMs) : undefined;
  const healthListener = workerId === undefined && config.healthPort !== undefined ? await listen(config.healthPort, config.host, undefined, "HEALTH_PORT") : undefined;
  const db = await openDatabase(config.database, config.databaseTuning);
  const { seedIfEmpty } = await import("../../seeds/seed");
  await seedIfEmpty(db.dataSource, (line) => logger.info(line.trim()));
  const { serve } = await import("./serve");
  await serve({ config, mode, db, logger, listener, healthListener, workerId, started });
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError;
  const lines = expected ? (error as Error).message.split("\n") : [error instanceof Error ? (error.stack ?? error.message) : String(error)];
  process.stderr.write(lines.map((line) => `start-up failed: ${line}\n`).join(""));
  process.exit(1);
});
