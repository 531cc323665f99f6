import { parseArgs } from "node:util";
import { ConfigError } from "../errors/errors";
import { parseWorkers } from "./config";

/** Command-line options of `npm start -- …`; they override the environment. */
export interface CliArgs {
  /** Serve one of our subgraphs alone (`--subgraph territories`). */
  subgraph?: string;
  /** Serve the monolithic schema, without the gateway (`--monolith`). */
  monolith: boolean;
  /** HTTP port (`--port 4101`). */
  port?: number;
  /** Gateway config file (`--gateway-config gateway.config.json`). */
  gatewayConfig?: string;
  /** Worker processes on one port (`--workers N|auto`, else `WORKERS`); 1 = no cluster. */
  workers?: number;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        subgraph: { type: "string" },
        monolith: { type: "boolean", default: false },
        port: { type: "string" },
        "gateway-config": { type: "string" },
        workers: { type: "string" },
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} (options: --subgraph NAME, --monolith, --port N, --gateway-config FILE, --workers N|auto)`);
  }
  const { values } = parsed;
  if (values.subgraph && values.monolith) throw new ConfigError("--subgraph and --monolith cannot be used together");
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be an integer between 0 and 65535 (received "${values.port}")`);
  }
  const workers = values.workers === undefined ? undefined : parseWorkers("--workers", values.workers);
  return { subgraph: values.subgraph, monolith: values.monolith ?? false, port, gatewayConfig: values["gateway-config"], workers };
}
