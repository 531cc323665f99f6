import path from "node:path";
import { freePort, ROOT, startProcess, type Started } from "./processes";

export interface ServerProcess extends Started {
  port: number;
  base: string;
  url: string;
}

/** Starts the built server (`node dist/src/server/main.js`) as its own process and waits until it is ready. */
export async function startServerProcess(databaseUrl: string, env: NodeJS.ProcessEnv = {}, port?: number): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const started = await startProcess(process.execPath, [path.join(ROOT, "dist/src/server/main.js")], /"msg":"ready"/, {
    PORT: String(chosen),
    DATABASE_URL: databaseUrl,
    ...env,
  });
  const base = `http://127.0.0.1:${chosen}`;
  return { ...started, port: chosen, base, url: `${base}/graphql` };
}

/** Database URL for a test database config, as the server process reads it. */
export function databaseUrlOf(config: { kind: "sqlite"; path: string } | { kind: "postgres"; url: string }): string {
  return config.kind === "sqlite" ? `sqlite:${config.path}` : config.url;
}

/** Resident memory of a process in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await import("node:fs/promises").then((fs) => fs.readFile(`/proc/${pid}/status`, "utf8"));
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}
