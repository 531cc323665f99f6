import path from "node:path";
import type { ResponseCacheOptions } from "../cache/response-cache";
import { PROJECT_ROOT } from "./project-root";

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | {
      kind: "postgres";
      url: string;
      /** Read replicas (`DATABASE_REPLICA_URLS`, comma-separated): reads outside transactions go there, round-robin. */
      replicaUrls?: string[];
    };

export interface AppConfig {
  /** HTTP port. Default 4000. */
  port: number;
  database: DatabaseConfig;
  /** `LOADER_BATCHING`: "on" (default) or "off", the naive variant without batching (benchmark only). */
  loaderBatching: "on" | "off";
  /**
   * Response cache of anonymous read-only queries: `RESPONSE_CACHE` "on" (default) or "off";
   * in memory, or shared in Redis when `REDIS_URL` is set; `RESPONSE_CACHE_TTL` in seconds (default 60).
   */
  responseCache: ResponseCacheOptions | null;
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

function withReplicas(database: DatabaseConfig, list: string | undefined): DatabaseConfig {
  const urls = (list ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
  if (urls.length === 0) return database;
  if (database.kind !== "postgres") throw new ConfigError("DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL");
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`DATABASE_REPLICA_URLS: "${url}" is not a postgres:// URL`);
  }
  return { ...database, replicaUrls: urls };
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

function parseResponseCache(env: NodeJS.ProcessEnv): ResponseCacheOptions | null {
  const mode = env.RESPONSE_CACHE ?? "on";
  if (mode === "off") return null;
  if (mode !== "on" && mode !== "") throw new ConfigError(`RESPONSE_CACHE must be "on" or "off" (received "${mode}")`);
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (received "${redisUrl}")`);
  const ttl = env.RESPONSE_CACHE_TTL === undefined || env.RESPONSE_CACHE_TTL === "" ? 60 : Number(env.RESPONSE_CACHE_TTL);
  if (!Number.isFinite(ttl) || ttl <= 0) throw new ConfigError(`RESPONSE_CACHE_TTL must be a number of seconds above 0 (received "${env.RESPONSE_CACHE_TTL}")`);
  return { redisUrl, ttlMs: ttl * 1000 };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parsePort(env.PORT),
    database: withReplicas(parseDatabaseUrl(env.DATABASE_URL), env.DATABASE_REPLICA_URLS),
    loaderBatching: parseLoaderBatching(env.LOADER_BATCHING),
    responseCache: parseResponseCache(env),
  };
}
