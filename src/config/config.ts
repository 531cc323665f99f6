import path from "node:path";
import { PROJECT_ROOT } from "./project-root";

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string };

export interface AppConfig {
  /** HTTP port. Default 4000. */
  port: number;
  database: DatabaseConfig;
  /** `LOADER_BATCHING`: "on" (default) or "off", the naive variant without batching (benchmark only). */
  loaderBatching: "on" | "off";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Default embedded database, relative to the project root (not the working directory). */
export const DEFAULT_SQLITE_PATH = path.join(PROJECT_ROOT, "data", "territoire-sante.sqlite");

/**
 * `DATABASE_URL`: unset → the embedded SQLite file; `sqlite:PATH` → that SQLite file;
 * `postgres://…` or `postgresql://…` → PostgreSQL. Anything else is refused.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined || url.trim() === "") return { kind: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\//, "");
    if (file === "") throw new ConfigError(`DATABASE_URL "${url}" names no SQLite file (expected sqlite:PATH)`);
    return { kind: "sqlite", path: file === ":memory:" ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new ConfigError(
    `DATABASE_URL has an unknown scheme: "${url.split(":")[0]}" (expected sqlite:PATH or postgres://…)`,
  );
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535 (received "${value}")`);
  }
  return port;
}

function parseLoaderBatching(value: string | undefined): "on" | "off" {
  if (value === undefined || value === "" || value === "on") return "on";
  if (value === "off") return "off";
  throw new ConfigError(`LOADER_BATCHING must be "on" or "off" (received "${value}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return { port: parsePort(env.PORT), database: parseDatabaseUrl(env.DATABASE_URL), loaderBatching: parseLoaderBatching(env.LOADER_BATCHING) };
}
