import type { Server } from "node:http";
import { DEFAULT_CONFIG } from "../config/config";
import { type App, createApp, type AppOptions } from "./app";
import type { ResolverPaths } from "../schema/lean-resolvers";
import { buildExecutable, type ServeMode } from "./executable";
import type { Database } from "../db/database";
import { listen, type Listener } from "./listen";

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
  /** A port already bound (`listen`, before the database was opened); `port` and `host` are then ignored. Default: bound here. */
  listener?: Listener;
}

/** Builds what the mode serves, starts Apollo and listens; `close` stops accepting and drains. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { executable, description, resolvers, pipeline } = await buildExecutable(options.mode, {
    reportError: options.reportError,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    leanResolvers: options.leanResolvers,
  });
  const app = await createApp({ ...options, executable, pipeline });
  // Bound only now when no listener was given (a cluster's worker, the tests): a port bound earlier would
  // answer "starting" meanwhile, and in a cluster the primary would hand it connections its ready workers could serve.
  const listener = options.listener ?? (await listen(options.port, options.host, options.keepAliveTimeoutMs));
  const { server, drain, port } = listener;
  const graceMs = options.shutdownTimeoutMs ?? DEFAULT_CONFIG.shutdownTimeoutMs;
  listener.serve(app.handle);
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
