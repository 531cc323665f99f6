import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_CONFIG } from "../config/config";
import { type App, createApp, type AppOptions } from "./app";
import type { ResolverPaths } from "../schema/lean-resolvers";
import { buildExecutable, type ServeMode } from "./executable";
import { trackForDrain } from "./http-drain";
import type { Database } from "../db/database";

export interface RunningServer extends App {
  server: Server;
  url: string;
  port: number;
  description: string;
  /** How many resolver methods are called directly, how many through type-graphql's handler. */
  resolvers: ResolverPaths;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `shutdownTimeoutMs`,
   * then closes their connections), then stops Apollo Server and the gateway. The database stays open.
   */
  close: () => Promise<void>;
}

export interface StartOptions extends Omit<AppOptions, "executable"> {
  db: Database;
  mode: ServeMode;
  port: number;
  host?: string;
  /** On close, how long in-flight requests may still run before their connections are closed. Default: SHUTDOWN_TIMEOUT_MS's. */
  shutdownTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. Default: HTTP_KEEP_ALIVE_TIMEOUT_MS's. */
  keepAliveTimeoutMs?: number;
  /** How long the gateway waits for a remote subgraph. Default: SUBGRAPH_TIMEOUT_MS's. */
  subgraphTimeoutMs?: number;
  /** Call resolver methods directly where type-graphql's handler changes nothing. Default: LEAN_RESOLVERS's. */
  leanResolvers?: boolean;
}

/** Builds what the mode serves, starts Apollo and listens; `close` stops accepting and drains. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { executable, description, resolvers, pipeline } = await buildExecutable(options.mode, {
    reportError: options.reportError,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    leanResolvers: options.leanResolvers,
  });
  // Node closes a keep-alive connection 5 s after its last response by default. Under load a
  // client's next request can sit unread that long, and the close then resets it (ECONNRESET);
  // behind a load balancer the same race gives 502s. Keep connections open longer than the
  // balancer's idle timeout; the header timeout must outlast it.
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? DEFAULT_CONFIG.keepAliveTimeoutMs;
  const server = createServer({ keepAliveTimeout, headersTimeout: keepAliveTimeout + 1000 });
  const drain = trackForDrain(server);
  const graceMs = options.shutdownTimeoutMs ?? DEFAULT_CONFIG.shutdownTimeoutMs;
  const app = await createApp({ ...options, executable, pipeline });
  server.on("request", app.handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    ...app,
    server,
    port,
    url: `http://${options.host === undefined || options.host === "0.0.0.0" ? "localhost" : options.host}:${port}/graphql`,
    description,
    resolvers,
    close: async () => {
      app.health.draining = true;
      // Synchronously up to the listener's close: a connection made after this call is refused.
      await drain.drain(graceMs);
      await app.apollo.stop();
    },
  };
}
