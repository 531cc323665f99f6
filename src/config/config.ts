import os from "node:os";
import path from "node:path";
import { ConfigError } from "../errors/errors";
import { DEFAULT_GATEWAY_CONFIG, type GatewayConfig, loadGatewayConfig } from "./gateway-config";
import type { ResponseCacheOptions } from "./response-cache-options";
import type { Limits } from "./limits";
import { PROJECT_ROOT } from "./project-root";
import { canonicalOrigin } from "./web-origin";

// Kept here too: callers (the CLIs, main) import it with the configuration.
export { ConfigError } from "../errors/errors";

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | {
      kind: "postgres";
      url: string;
      /** Read replicas (`DATABASE_REPLICA_URLS`, comma-separated): reads outside transactions go there, round-robin. */
      replicaUrls?: string[];
    };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the server reads from its environment (and the gateway config file), validated. */
export interface AppConfig {
  port: number;
  host: string;
  /** A second port serving only /healthz, /readyz and /metrics (HEALTH_PORT); undefined: they are on `port` alone. */
  healthPort: number | undefined;
  database: DatabaseConfig;
  /** PostgreSQL pool and timeouts (SQLite ignores them); SQLite's read worker (PostgreSQL ignores it). */
  databaseTuning: { poolSize: number; readPipelineConnections: number; readWorker: boolean; connectTimeoutMs: number; statementTimeoutMs: number; queryTimeoutMs: number };
  /** The gateway config file's path, when one is given. */
  gatewayConfigFile: string | undefined;
  /** Its validated content (empty when there is no file). */
  gateway: GatewayConfig;
  /** How long the gateway waits for a remote subgraph before failing its fields. */
  subgraphTimeoutMs: number;
  logLevel: LogLevel;
  metricsEnabled: boolean;
  tracing: { enabled: boolean; endpoint: string; serviceName: string; sampleRatio: number };
  /** HTTP keep-alive idle timeout (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** On SIGTERM, how long in-flight requests may run before their connections are closed. */
  shutdownTimeoutMs: number;
  /** Server processes on one port (node:cluster); 1: no cluster. */
  workers: number;
  /** Tests only: delay before executing each GraphQL request (0: off). */
  testRequestDelayMs: number;
  /** Abuse limits, introspection and GraphiQL switches. */
  limits: Limits;
  /** "off" builds the loaders without batching or cache: the naive variant, for the benchmark only. */
  loaderBatching: "on" | "off";
  /** "off" calls every resolver method through type-graphql's handler (src/schema/lean-resolvers.ts). */
  leanResolvers: "on" | "off";
  /** Response cache of anonymous read-only queries (null: off); in Redis when `REDIS_URL` is set. */
  responseCache: ResponseCacheOptions | null;
  /** Web pages on other origins: CORS and the caching of reads by document id. */
  access: AccessOptions;
}

/** How web pages on other origins reach the API (docs/partners.md). */
export interface AccessOptions {
  /** Origins whose pages may call the API: "*" for any (anonymous reads are open data), or a list. */
  corsOrigins: "*" | string[];
  /** How long a browser keeps a preflight's answer. */
  corsMaxAgeSeconds: number;
  /** `Cache-Control: public, max-age` of a GET read by `documentId` (anonymous or an embed key). */
  documentMaxAgeSeconds: number;
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

/** One environment variable: its name, its default as docs/operations.md shows it, what it means, how it is read. */
export interface ConfigVariable<T> {
  name: string;
  defaultText: string;
  description: string;
  /** Reads the raw value (undefined when unset or blank); throws ConfigError naming the variable. */
  read: (raw: string | undefined) => T;
}

/** A variable whose unset (or blank) value means `fallback`: the one place where defaults apply. */
function variable<T>(name: string, fallback: T, defaultText: string, description: string, parse: (raw: string) => T): ConfigVariable<T> {
  return { name, defaultText, description, read: (raw) => (raw === undefined || raw.trim() === "" ? undefined : parse(raw.trim())) ?? fallback };
}

function integer(name: string, fallback: number, min: number, max: number, description: string): ConfigVariable<number> {
  return variable(name, fallback, `\`${fallback}\``, description, (raw) => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      throw new ConfigError(`${name} must be an integer between ${min} and ${max} (received "${raw}")`);
    }
    return value;
  });
}

function boolean(name: string, fallback: boolean, description: string): ConfigVariable<boolean> {
  return variable(name, fallback, `\`${fallback}\``, description, (raw) => parseBoolean(name, raw));
}

/** `on` or `off`, defaulting to `on`. */
function onOff(name: string, description: string): ConfigVariable<"on" | "off"> {
  return variable<"on" | "off">(name, "on", "`on`", description, (raw) => {
    if (raw !== "on" && raw !== "off") throw new ConfigError(`${name} must be "on" or "off" (received "${raw}")`);
    return raw;
  });
}

function httpUrl(name: string, fallback: string, description: string): ConfigVariable<string> {
  return variable(name, fallback, `\`${fallback}\``, description, (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(`${name} must be an http:// or https:// URL (received "${raw}")`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`${name} must be an http:// or https:// URL (received "${raw}")`);
    return raw;
  });
}

/** Every variable, in the order of the table in docs/operations.md (a test renders the table from this list). */
export const CONFIG_VARIABLES = {
  port: integer("PORT", 4000, 0, 65535, "HTTP port (`--port` overrides it)."),
  host: variable("HOST", "0.0.0.0", "`0.0.0.0`", "Address to listen on.", (raw) => raw),
  healthPort: variable<number | undefined>(
    "HEALTH_PORT",
    undefined,
    "unset",
    "A second port (on `HOST`) serving only `/healthz`, `/readyz` and `/metrics`, for probes and scrapers: a flood of connections to `PORT` (overload) does not delay them there, and `/metrics` need not be exposed with the API. Unset: they are served on `PORT` only.",
    (raw) => {
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || value < 1 || value > 65535) throw new ConfigError(`HEALTH_PORT must be an integer between 1 and 65535 (received "${raw}")`);
      return value;
    },
  ),
  database: variable<DatabaseConfig>(
    "DATABASE_URL",
    parseDatabaseUrl(undefined),
    "unset: `data/territoire-sante.sqlite`",
    "`sqlite:PATH` for another SQLite file, `postgres://…` for PostgreSQL. Any other scheme stops start-up.",
    parseDatabaseUrl,
  ),
  poolSize: integer("DATABASE_POOL_SIZE", 10, 1, 1000, "PostgreSQL connections at most."),
  readPipelineConnections: integer(
    "DATABASE_READ_PIPELINE",
    2,
    0,
    100,
    "PostgreSQL: connections in pipeline mode for the loaders' keyed reads, besides the pool: the statements of one event-loop turn leave in one write (0: keyed reads use the pool).",
  ),
  readWorker: boolean(
    "DATABASE_READ_WORKER",
    true,
    "SQLite: reads outside transactions run on a worker thread with its own connection, beside the event loop (false: on the main thread). A `:memory:` database always reads on the main thread.",
  ),
  connectTimeoutMs: integer(
    "DATABASE_CONNECT_TIMEOUT_MS",
    5000,
    1,
    600_000,
    "PostgreSQL: give up opening a connection, or waiting for a free one in the pool, after this long (the client sees SERVICE_UNAVAILABLE).",
  ),
  statementTimeoutMs: integer(
    "DATABASE_STATEMENT_TIMEOUT_MS",
    4000,
    1,
    3_600_000,
    "PostgreSQL: the server cancels a statement running longer than this (below `DATABASE_QUERY_TIMEOUT_MS`, so that a slow statement is cancelled by the server, which frees its connection, before the client gives up on it).",
  ),
  queryTimeoutMs: integer(
    "DATABASE_QUERY_TIMEOUT_MS",
    5000,
    1,
    3_600_000,
    "How long the server waits for the database's answer to one statement: every PostgreSQL statement (pool, read pipeline, transactions), every read of the SQLite worker thread. Past it the connection is dropped and the client sees SERVICE_UNAVAILABLE (503 when nothing could be answered); a write says whether it was applied. The one bound on a stalled database: the server's own statement timeout never fires for a statement that never arrived.",
  ),
  gatewayConfigFile: variable<string | undefined>(
    "GATEWAY_CONFIG",
    undefined,
    "unset",
    "Gateway config file: our subgraphs served elsewhere, partners' subgraphs (`--gateway-config` overrides it). Validated at start.",
    (raw) => raw,
  ),
  subgraphTimeoutMs: integer(
    "SUBGRAPH_TIMEOUT_MS",
    10000,
    1,
    600_000,
    "How long the gateway waits for a remote subgraph (ours served elsewhere, or a partner's), its whole answer included, before failing its fields with DOWNSTREAM_SERVICE_ERROR (the rest of the query is answered).",
  ),
  logLevel: variable<LogLevel>("LOG_LEVEL", "info", "`info`", `Log level: ${LOG_LEVELS.map((l) => `\`${l}\``).join(", ")}.`, (raw) => {
    if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (received "${raw}")`);
    return raw as LogLevel;
  }),
  metricsEnabled: boolean("METRICS_ENABLED", true, "Collect Prometheus metrics and serve them at `/metrics`."),
  tracingEnabled: boolean("TRACING_ENABLED", false, "Record OpenTelemetry traces and export them over OTLP/HTTP."),
  tracingEndpoint: httpUrl("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://localhost:4318/v1/traces", "Where traces are sent (an OpenTelemetry Collector, Jaeger, Tempo…)."),
  serviceName: variable("OTEL_SERVICE_NAME", "territoire-sante", "`territoire-sante`", "`service.name` of the exported spans.", (raw) => raw),
  sampleRatio: variable("TRACING_SAMPLE_RATIO", 1, "`1`", "Share of requests traced, from 0 to 1 (a caller's sampled trace is always followed).", (raw) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError(`TRACING_SAMPLE_RATIO must be a number between 0 and 1 (received "${raw}")`);
    return value;
  }),
  keepAliveTimeoutMs: integer("HTTP_KEEP_ALIVE_TIMEOUT_MS", 65000, 1000, 600_000, "How long an idle keep-alive connection stays open. Above the 60 s idle timeout of common load balancers, so that they, not we, close idle connections (Node's 5 s default resets busy clients' connections)."),
  shutdownTimeoutMs: integer("SHUTDOWN_TIMEOUT_MS", 10000, 0, 600_000, "On SIGTERM, how long in-flight requests may still run before their connections are closed."),
  workers: variable("WORKERS", 1, "`1`", "Server processes sharing the port (`--workers` overrides it): `auto` is one per core; above 1, a primary process restarts any that dies (docs/scale-out.md).", (raw) => parseWorkers("WORKERS", raw)),
  testRequestDelayMs: integer("TEST_REQUEST_DELAY_MS", 0, 0, 60_000, "**Tests only**: hold each GraphQL request this long before executing it (the shutdown test needs requests in flight). Never set in production."),
  replicaUrls: variable<string[]>("DATABASE_REPLICA_URLS", [], "unset", "PostgreSQL read replicas, comma-separated `postgres://…` URLs: reads outside transactions go there, round-robin.", (raw) => {
    const urls = raw.split(",").map((u) => u.trim()).filter((u) => u !== "");
    const bad = urls.filter((u) => !/^postgres(ql)?:\/\//.test(u));
    if (bad.length > 0) throw new ConfigError(`DATABASE_REPLICA_URLS: "${bad[0]}" is not a postgres:// URL`);
    return urls;
  }),
  responseCache: onOff("RESPONSE_CACHE", "Cache whole answers of anonymous read-only queries (`on`/`off`); every write drops the cache."),
  redisUrl: variable<string | undefined>("REDIS_URL", undefined, "unset", "Share the response cache between servers in Redis (`redis://…`); unset: each server caches in its memory.", (raw) => {
    if (!/^rediss?:\/\//.test(raw)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (received "${raw}")`);
    return raw;
  }),
  responseCacheTtlSeconds: integer("RESPONSE_CACHE_TTL", 60, 1, 86_400, "Seconds a cached answer is served at most (bounds staleness after an import run by another process)."),
  redisCommandTimeoutMs: integer(
    "REDIS_COMMAND_TIMEOUT_MS",
    20,
    1,
    60_000,
    "How long a cache lookup or store in Redis may take before the request goes on without it (answered from the database). When most cache calls of the last second failed, the cache is skipped altogether for a second (a circuit breaker), then tried again.",
  ),
  loaderBatching: onOff("LOADER_BATCHING", "**Benchmark only**: `off` builds the loaders without batching or cache (the naive variant)."),
  leanResolvers: onOff(
    "LEAN_RESOLVERS",
    "`off` calls every resolver method through type-graphql's per-call handler instead of directly where the handler changes nothing (CI runs a whole suite so, to prove both answer alike).",
  ),
  production: variable("NODE_ENV", false, "unset", "`production` turns introspection and GraphiQL off unless `INTROSPECTION`/`GRAPHIQL` say otherwise.", (raw) => raw === "production"),
  maxDepth: integer("MAX_QUERY_DEPTH", 12, 1, 1000, "Deepest selection nesting accepted (a Relay-shaped query through connections needs 11)."),
  maxAliases: integer("MAX_QUERY_ALIASES", 30, 1, 10_000, "Aliases per operation."),
  maxDirectives: integer("MAX_QUERY_DIRECTIVES", 20, 1, 10_000, "Directives per operation."),
  maxTokens: integer("MAX_QUERY_TOKENS", 3000, 1, 1_000_000, "Lexical tokens per document, counted before parsing."),
  maxCost: integer("MAX_QUERY_COST", 60000, 1, 100_000_000, "Estimated cost: each list multiplies its children by its page size (`first`) or typical length."),
  maxBodyBytes: integer("MAX_BODY_BYTES", 102400, 1, 100 * 1024 * 1024, "Largest request body accepted, in bytes."),
  bodyTimeoutMs: integer(
    "REQUEST_BODY_TIMEOUT_MS",
    10000,
    100,
    600_000,
    "Longest time a request body may take to arrive in full; past it the request is answered 408 REQUEST_TIMEOUT and its connection closed.",
  ),
  bodyMinBytesPerSecond: integer(
    "REQUEST_BODY_MIN_BYTES_PER_SECOND",
    1024,
    0,
    1_000_000_000,
    "Slowest a request body may arrive, averaged from its start, once it has had 2 s: slower is answered 408 REQUEST_TIMEOUT and its connection closed (0: no rate, the timeout alone).",
  ),
  maxConcurrentOperations: integer(
    "MAX_CONCURRENT_OPERATIONS",
    32,
    1,
    100_000,
    "GraphQL operations executed at once by one server process; the next ones wait in a queue (answers from the response cache do not count).",
  ),
  maxQueuedOperations: integer(
    "MAX_QUEUED_OPERATIONS",
    256,
    0,
    1_000_000,
    "Operations waiting for their turn at most; past it a request is refused at once with 503 SERVICE_UNAVAILABLE and `Retry-After`.",
  ),
  queueTimeoutMs: integer(
    "QUEUE_TIMEOUT_MS",
    1000,
    1,
    600_000,
    "Longest wait in that queue; past it the request is answered 503 SERVICE_UNAVAILABLE with `Retry-After`. Bounds the latency of every accepted request under overload.",
  ),
  keyRequestsPerMinute: integer("RATE_LIMIT_KEY_PER_MINUTE", 1200, 1, 100_000_000, "Requests per minute per API key."),
  anonymousRequestsPerMinute: integer("RATE_LIMIT_ANONYMOUS_PER_MINUTE", 300, 1, 100_000_000, "Requests per minute per address without a key."),
  introspection: variable<boolean | undefined>("INTROSPECTION", undefined, "`true` (`false` in production)", "Serve introspection queries (field suggestions are hidden when off).", (raw) => parseBoolean("INTROSPECTION", raw)),
  graphiql: variable<boolean | undefined>("GRAPHIQL", undefined, "`true` (`false` in production)", "Serve GraphiQL to browsers on `GET /graphql`.", (raw) => parseBoolean("GRAPHIQL", raw)),
  corsOrigins: variable<"*" | string[]>(
    "CORS_ORIGINS",
    "*",
    "`*`",
    "Origins whose web pages may call the API (CORS), comma-separated (`https://a.example,https://b.example`), or `*` for any: anonymous reads are open data. A key bound to origins is refused from any other, whatever this says.",
    (raw) => {
      if (raw === "*") return "*";
      const origins = raw.split(",").map((o) => o.trim()).filter((o) => o !== "");
      const bad = origins.find((o) => canonicalOrigin(o) === null);
      if (bad !== undefined || origins.length === 0) throw new ConfigError(`CORS_ORIGINS must be * or comma-separated origins such as https://intranet.example (received "${bad ?? raw}")`);
      return origins.map((o) => canonicalOrigin(o) as string);
    },
  ),
  corsMaxAgeSeconds: integer("CORS_MAX_AGE", 600, 0, 86_400, "Seconds a browser keeps the answer to a CORS preflight."),
  documentMaxAgeSeconds: integer("DOCUMENT_CACHE_MAX_AGE", 300, 0, 86_400, "`Cache-Control: public, max-age` of a GET read by `documentId` (anonymous or with an embed key): how long browsers and shared caches may reuse it."),
  allowListFile: variable<string | undefined>("ALLOWLIST_FILE", undefined, "unset", "Allow-list mode: a JSON array of the only operations accepted (texts or SHA-256 hashes).", (raw) => raw),
} satisfies Record<string, ConfigVariable<unknown>>;

/** Most workers accepted: beyond a few per core they only add memory and contention. */
const MAX_WORKERS = 256;

/** `N` (1–256) or `auto` (one per core); `name` is the option or variable, for the message. */
export function parseWorkers(name: string, raw: string): number {
  if (raw.trim() === "auto") return os.availableParallelism();
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < 1 || value > MAX_WORKERS) throw new ConfigError(`${name} must be "auto" or an integer between 1 and ${MAX_WORKERS} (received "${raw}")`);
  return value;
}

function parseBoolean(name: string, raw: string): boolean {
  if (/^(true|1)$/i.test(raw)) return true;
  if (/^(false|0)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false (received "${raw}")`);
}

/**
 * Reads and validates the whole configuration. Every wrong value is reported, one line each,
 * in a single ConfigError: an operator fixes them all in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const read = <T>(v: ConfigVariable<T>): T => {
    try {
      return v.read(env[v.name]);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined as T;
    }
  };
  const v = CONFIG_VARIABLES;
  const config: AppConfig = {
    port: read(v.port),
    host: read(v.host),
    healthPort: read(v.healthPort),
    database: read(v.database),
    databaseTuning: {
      poolSize: read(v.poolSize),
      readPipelineConnections: read(v.readPipelineConnections),
      readWorker: read(v.readWorker),
      connectTimeoutMs: read(v.connectTimeoutMs),
      statementTimeoutMs: read(v.statementTimeoutMs),
      queryTimeoutMs: read(v.queryTimeoutMs),
    },
    gatewayConfigFile: read(v.gatewayConfigFile),
    gateway: DEFAULT_GATEWAY_CONFIG,
    subgraphTimeoutMs: read(v.subgraphTimeoutMs),
    logLevel: read(v.logLevel),
    metricsEnabled: read(v.metricsEnabled),
    tracing: { enabled: read(v.tracingEnabled), endpoint: read(v.tracingEndpoint), serviceName: read(v.serviceName), sampleRatio: read(v.sampleRatio) },
    keepAliveTimeoutMs: read(v.keepAliveTimeoutMs),
    shutdownTimeoutMs: read(v.shutdownTimeoutMs),
    workers: read(v.workers),
    testRequestDelayMs: read(v.testRequestDelayMs),
    limits: {
      maxDepth: read(v.maxDepth),
      maxAliases: read(v.maxAliases),
      maxDirectives: read(v.maxDirectives),
      maxTokens: read(v.maxTokens),
      maxCost: read(v.maxCost),
      maxBodyBytes: read(v.maxBodyBytes),
      bodyTimeoutMs: read(v.bodyTimeoutMs),
      bodyMinBytesPerSecond: read(v.bodyMinBytesPerSecond),
      maxConcurrentOperations: read(v.maxConcurrentOperations),
      maxQueuedOperations: read(v.maxQueuedOperations),
      queueTimeoutMs: read(v.queueTimeoutMs),
      keyRequestsPerMinute: read(v.keyRequestsPerMinute),
      anonymousRequestsPerMinute: read(v.anonymousRequestsPerMinute),
      introspection: read(v.introspection) ?? !read(v.production),
      graphiql: read(v.graphiql) ?? !read(v.production),
      allowListFile: read(v.allowListFile),
    },
    loaderBatching: read(v.loaderBatching),
    leanResolvers: read(v.leanResolvers),
    responseCache:
      read(v.responseCache) === "off" ? null : { redisUrl: read(v.redisUrl), ttlMs: read(v.responseCacheTtlSeconds) * 1000, redisCommandTimeoutMs: read(v.redisCommandTimeoutMs) },
    access: { corsOrigins: read(v.corsOrigins), corsMaxAgeSeconds: read(v.corsMaxAgeSeconds), documentMaxAgeSeconds: read(v.documentMaxAgeSeconds) },
  };
  const { statementTimeoutMs, queryTimeoutMs } = config.databaseTuning;
  if (statementTimeoutMs !== undefined && queryTimeoutMs !== undefined && statementTimeoutMs >= queryTimeoutMs) {
    problems.push(
      `DATABASE_STATEMENT_TIMEOUT_MS (${statementTimeoutMs}) must be below DATABASE_QUERY_TIMEOUT_MS (${queryTimeoutMs}): the server must cancel a slow statement before the client gives up on its connection`,
    );
  }
  const replicaUrls = read(v.replicaUrls);
  if (replicaUrls && replicaUrls.length > 0) {
    if (config.database?.kind === "postgres") config.database = { ...config.database, replicaUrls };
    else problems.push("DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL");
  }
  try {
    config.gateway = loadGatewayConfig(config.gatewayConfigFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (config.healthPort !== undefined && config.healthPort === config.port) problems.push(`HEALTH_PORT (${config.healthPort}) must differ from PORT`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The configuration with every variable unset: the defaults, for code that runs without
 * reading the environment (tests, tools, options left out). Defaults are written in
 * CONFIG_VARIABLES only; everything else reads them from here.
 */
export const DEFAULT_CONFIG: AppConfig = loadConfig({});

/** The response cache with its default settings (in memory); RESPONSE_CACHE=off is the caller's choice. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = {
  ttlMs: CONFIG_VARIABLES.responseCacheTtlSeconds.read(undefined) * 1000,
  redisCommandTimeoutMs: CONFIG_VARIABLES.redisCommandTimeoutMs.read(undefined),
};

/** The configuration table of docs/operations.md, rendered from CONFIG_VARIABLES. */
export function configurationTable(): string {
  const rows = Object.values(CONFIG_VARIABLES).map((v) => `| \`${v.name}\` | ${v.defaultText} | ${v.description} |`);
  return ["| Variable | Default | Meaning |", "|---|---|---|", ...rows].join("\n");
}

/** The limits with every variable unset: for tests and tools that build an app without reading the environment. */
export const DEFAULT_LIMITS: Limits = DEFAULT_CONFIG.limits;
