import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ConfigError, configurationTable, DEFAULT_SQLITE_PATH, loadConfig } from "../../src/config/config";
import { ROOT } from "../support/processes";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("configuration from the environment", () => {
  it("applies every default when nothing is set", () => {
    expect(loadConfig({})).toEqual({
      access: { corsOrigins: "*", corsMaxAgeSeconds: 600, documentMaxAgeSeconds: 300 },
      port: 4000,
      host: "0.0.0.0",
      healthPort: undefined,
      database: { kind: "sqlite", path: DEFAULT_SQLITE_PATH },
      databaseTuning: { poolSize: 10, readPipelineConnections: 2, readWorker: true, connectTimeoutMs: 5000, statementTimeoutMs: 4000, queryTimeoutMs: 5000 },
      gatewayConfigFile: undefined,
      gateway: { subgraphs: {}, partners: [] },
      subgraphTimeoutMs: 10000,
      logLevel: "info",
      metricsEnabled: true,
      tracing: { enabled: false, endpoint: "http://localhost:4318/v1/traces", serviceName: "territoire-sante", sampleRatio: 1 },
      keepAliveTimeoutMs: 65000,
      shutdownTimeoutMs: 10000,
      workers: 1,
      testRequestDelayMs: 0,
      limits: {
        maxDepth: 12,
        maxAliases: 30,
        maxDirectives: 20,
        maxTokens: 3000,
        maxCost: 60000,
        maxBodyBytes: 102400,
        bodyTimeoutMs: 10000,
        bodyMinBytesPerSecond: 1024,
        maxConcurrentOperations: 32,
        maxQueuedOperations: 256,
        queueTimeoutMs: 1000,
        keyRequestsPerMinute: 1200,
        anonymousRequestsPerMinute: 300,
        introspection: true,
        graphiql: true,
        allowListFile: undefined,
      },
      loaderBatching: "on",
      leanResolvers: "on",
      responseCache: { redisUrl: undefined, ttlMs: 60000, redisCommandTimeoutMs: 20 },
    });
  });

  it("reads the performance variables and refuses replicas without PostgreSQL", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://primary/db",
      DATABASE_REPLICA_URLS: "postgres://replica-a/db, postgres://replica-b/db",
      RESPONSE_CACHE_TTL: "5",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
    expect(config.database).toMatchObject({ kind: "postgres", replicaUrls: ["postgres://replica-a/db", "postgres://replica-b/db"] });
    expect(config.responseCache).toEqual({ redisUrl: "redis://127.0.0.1:6379", ttlMs: 5000, redisCommandTimeoutMs: 20 });
    expect(loadConfig({ RESPONSE_CACHE: "off" }).responseCache).toBeNull();
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgres://replica/db" })).toThrow("DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL");
  });

  it("turns introspection and GraphiQL off in production unless told otherwise", () => {
    expect(loadConfig({ NODE_ENV: "production" }).limits).toMatchObject({ introspection: false, graphiql: false });
    expect(loadConfig({ NODE_ENV: "production", INTROSPECTION: "true" }).limits).toMatchObject({ introspection: true, graphiql: false });
    expect(() => loadConfig({ MAX_QUERY_DEPTH: "-3", GRAPHIQL: "maybe" })).toThrow(
      'MAX_QUERY_DEPTH must be an integer between 1 and 1000 (received "-3")\nGRAPHIQL must be true or false (received "maybe")',
    );
  });

  it("reads the origins pages may call from, and refuses one that is not an origin, naming it", () => {
    expect(loadConfig({ CORS_ORIGINS: "https://intranet.example, HTTPS://App.Example:443" }).access.corsOrigins).toEqual(["https://intranet.example", "https://app.example"]);
    expect(() => loadConfig({ CORS_ORIGINS: "https://ok.example,intranet" })).toThrow('CORS_ORIGINS must be * or comma-separated origins such as https://intranet.example (received "intranet")');
    expect(() => loadConfig({ LEAN_RESOLVERS: "maybe" })).toThrow('LEAN_RESOLVERS must be "on" or "off" (received "maybe")');
  });

  it("reads each variable", () => {
    const config = loadConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://db.internal/ts",
      DATABASE_POOL_SIZE: "25",
      LOG_LEVEL: "debug",
      METRICS_ENABLED: "false",
      TRACING_ENABLED: "true",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://collector:4318/v1/traces",
      TRACING_SAMPLE_RATIO: "0.25",
      SHUTDOWN_TIMEOUT_MS: "30000",
      HTTP_KEEP_ALIVE_TIMEOUT_MS: "120000",
      WORKERS: "3",
    });
    expect(config).toMatchObject({
      port: 8080,
      database: { kind: "postgres", url: "postgres://db.internal/ts" },
      databaseTuning: { poolSize: 25 },
      logLevel: "debug",
      metricsEnabled: false,
      tracing: { enabled: true, endpoint: "https://collector:4318/v1/traces", sampleRatio: 0.25 },
      shutdownTimeoutMs: 30000,
      keepAliveTimeoutMs: 120000,
      workers: 3,
    });
  });

  it("reports every wrong value at once, one line each, naming the variable and what it received", () => {
    const problems = problemsOf({
      PORT: "80a",
      DATABASE_URL: "mysql://db/ts",
      DATABASE_POOL_SIZE: "-5",
      LOG_LEVEL: "verbose",
      METRICS_ENABLED: "maybe",
      TRACING_SAMPLE_RATIO: "2",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "collector:4318",
      SHUTDOWN_TIMEOUT_MS: "-1",
      WORKERS: "0",
    });
    expect(problems).toEqual([
      'PORT must be an integer between 0 and 65535 (received "80a")',
      'DATABASE_URL has an unknown scheme: "mysql" (expected sqlite:PATH or postgres://…)',
      'DATABASE_POOL_SIZE must be an integer between 1 and 1000 (received "-5")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (received "verbose")',
      'METRICS_ENABLED must be true or false (received "maybe")',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http:// or https:// URL (received "collector:4318")',
      'TRACING_SAMPLE_RATIO must be a number between 0 and 1 (received "2")',
      'SHUTDOWN_TIMEOUT_MS must be an integer between 0 and 600000 (received "-1")',
      'WORKERS must be "auto" or an integer between 1 and 256 (received "0")',
    ]);
  });

  it("reads every deadline and load bound, and refuses a statement timeout the client would not wait for", () => {
    const config = loadConfig({
      DATABASE_QUERY_TIMEOUT_MS: "500",
      DATABASE_STATEMENT_TIMEOUT_MS: "400",
      REDIS_COMMAND_TIMEOUT_MS: "5",
      REQUEST_BODY_TIMEOUT_MS: "3000",
      REQUEST_BODY_MIN_BYTES_PER_SECOND: "0",
      MAX_CONCURRENT_OPERATIONS: "8",
      MAX_QUEUED_OPERATIONS: "0",
      QUEUE_TIMEOUT_MS: "250",
      SUBGRAPH_TIMEOUT_MS: "700",
      HEALTH_PORT: "9464",
    });
    expect(config.healthPort).toBe(9464);
    expect(config.databaseTuning).toMatchObject({ queryTimeoutMs: 500, statementTimeoutMs: 400 });
    expect(config.responseCache).toMatchObject({ redisCommandTimeoutMs: 5 });
    expect(config.limits).toMatchObject({ bodyTimeoutMs: 3000, bodyMinBytesPerSecond: 0, maxConcurrentOperations: 8, maxQueuedOperations: 0, queueTimeoutMs: 250 });
    expect(config.subgraphTimeoutMs).toBe(700);
    expect(problemsOf({ HEALTH_PORT: "4000" })).toEqual(["HEALTH_PORT (4000) must differ from PORT"]);
    expect(problemsOf({ HEALTH_PORT: "0" })).toEqual(['HEALTH_PORT must be an integer between 1 and 65535 (received "0")']);
    expect(problemsOf({ DATABASE_QUERY_TIMEOUT_MS: "500" })).toEqual([
      "DATABASE_STATEMENT_TIMEOUT_MS (4000) must be below DATABASE_QUERY_TIMEOUT_MS (500): the server must cancel a slow statement before the client gives up on its connection",
    ]);
    expect(problemsOf({ REDIS_COMMAND_TIMEOUT_MS: "0", MAX_CONCURRENT_OPERATIONS: "0", QUEUE_TIMEOUT_MS: "x" })).toEqual([
      'MAX_CONCURRENT_OPERATIONS must be an integer between 1 and 100000 (received "0")',
      'QUEUE_TIMEOUT_MS must be an integer between 1 and 600000 (received "x")',
      'REDIS_COMMAND_TIMEOUT_MS must be an integer between 1 and 60000 (received "0")',
    ]);
  });

  it("validates the gateway config file with the rest, one line per problem in it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts-config-"));
    try {
      const file = path.join(dir, "gateway.json");
      fs.writeFileSync(file, JSON.stringify({ partners: [{ name: "Bad Name", url: "ftp://x" }] }));
      const problems = problemsOf({ GATEWAY_CONFIG: file, PORT: "-1" });
      expect(problems).toEqual([
        'PORT must be an integer between 0 and 65535 (received "-1")',
        `${file}: partners.0.name: must be 2 to 41 lower-case letters, digits or dashes, starting with a letter`,
        `${file}: partners.0.url: must be an http:// or https:// URL`,
      ]);
      expect(problemsOf({ GATEWAY_CONFIG: path.join(dir, "missing.json") })).toEqual([`gateway config ${path.join(dir, "missing.json")}: file not found`]);

      fs.writeFileSync(file, JSON.stringify({ partners: [{ name: "mutuelle-exemple", url: "http://127.0.0.1:4201/" }] }));
      expect(loadConfig({ GATEWAY_CONFIG: file }).gateway.partners).toEqual([{ name: "mutuelle-exemple", url: "http://127.0.0.1:4201/" }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is documented by the table in docs/operations.md, which is rendered from the module", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/operations.md"), "utf8");
    expect(doc).toContain(configurationTable());
  });
});
