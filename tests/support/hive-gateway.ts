import path from "node:path";
import { ROOT, startProcess, type Started } from "./processes";

/** Hive Gateway's command-line entry point, as `npx hive-gateway` runs it. */
export const HIVE_GATEWAY_BIN = path.join(ROOT, "node_modules/@graphql-hive/gateway/dist/bin.js");
export const HIVE_GATEWAY_CONFIG = path.join(ROOT, "deploy/gateway.config.ts");

/** Starts Hive Gateway on a supergraph file with the repository's config (deploy/), on loopback. */
export function startHiveGateway(supergraphFile: string, port: number): Promise<Started> {
  return startProcess(
    process.execPath,
    [HIVE_GATEWAY_BIN, "supergraph", supergraphFile, "--config-path", HIVE_GATEWAY_CONFIG, "--host", "127.0.0.1", "--port", String(port)],
    /Listening on http/,
    // Its ready line is an info line: a LOG_LEVEL of the environment must not hide it.
    { NO_COLOR: "1", LOG_LEVEL: "info" },
    120_000,
  );
}
