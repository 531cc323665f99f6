import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "../../src/db/database";
import { type AppOptions, createApp } from "../../src/server/app";
import { buildExecutable } from "../../src/server/executable";
import { TEST_SCHEMA } from "./test-api";

export interface RunningHttpApp {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  base: string;
  stop: () => Promise<void>;
}

/** The HTTP application `npm start` serves (gateway, or monolith under TEST_SCHEMA=monolith), on a free local port. */
export async function startHttpApp(db: Database, options: Partial<Omit<AppOptions, "db" | "executable">> = {}): Promise<RunningHttpApp> {
  const { executable } = await buildExecutable(TEST_SCHEMA === "monolith" ? { kind: "monolith" } : { kind: "gateway" });
  const { handle, apollo } = await createApp({ ...options, db, executable });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(handle).listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}
