import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { type App, createApp, type AppOptions } from "./app";
import { buildExecutable, type ServeMode } from "./executable";

export interface RunningServer extends App {
  server: Server;
  url: string;
  port: number;
  description: string;
  close: () => Promise<void>;
}

export interface StartOptions extends Omit<AppOptions, "executable"> {
  db: DataSource;
  mode: ServeMode;
  port: number;
  host?: string;
}

/** Builds what the mode serves, starts Apollo and listens; `close` stops accepting and drains. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { executable, description } = await buildExecutable(options.mode);
  const app = await createApp({ ...options, executable });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    ...app,
    server,
    port,
    url: `http://${options.host === undefined || options.host === "0.0.0.0" ? "localhost" : options.host}:${port}/graphql`,
    description,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.apollo.stop();
    },
  };
}
