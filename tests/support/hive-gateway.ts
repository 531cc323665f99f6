import path from "node:path";
import { ROOT, startProcess, type Started } from "./processes";

/** Hive Gateway's command-line entry point, as `npx hive-gateway` runs it. */
export const HIVE_GATEWAY_BIN = path.join(ROOT, "node_modules/@graphql-hive/gateway/dist/bin.js");
export const HIVE_GATEWAY_CONFIG = path.join(ROOT, "deploy/gateway.config.ts");

/** Hive Gateway's two runtimes: its own JavaScript planner and executor, or Hive Router's (`--hive-router-runtime`, Rust query planner). */
export type HiveRuntime = "javascript" | "hive-router";

/**
 * Starts Hive Gateway on a supergraph file with the repository's config (deploy/), on loopback.
 * With the Hive Router runtime, refuses to go on if the gateway fell back to its JavaScript
 * runtime (it only warns when `@graphql-hive/router-runtime` cannot be loaded).
 */
export async function startHiveGateway(supergraphFile: string, port: number, runtime: HiveRuntime = "javascript", env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const hive = await startProcess(
    process.execPath,
    [
      HIVE_GATEWAY_BIN,
      "supergraph",
      supergraphFile,
      "--config-path",
      HIVE_GATEWAY_CONFIG,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      ...(runtime === "hive-router" ? ["--hive-router-runtime"] : []),
    ],
    /Listening on http/,
    // Its ready line is an info line: a LOG_LEVEL of the environment must not hide it.
    { NO_COLOR: "1", LOG_LEVEL: "info", ...env },
    120_000,
  );
  if (runtime === "hive-router" && (!hive.output().includes("Using Hive Router Runtime") || hive.output().includes("Could not load"))) {
    await hive.stop();
    throw new Error(`Hive Gateway did not start on Hive Router's runtime:\n${hive.output()}`);
  }
  return hive;
}
