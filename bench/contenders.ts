import { createHash } from "node:crypto";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config/project-root";
import type { BenchDatabases } from "./databases";
import type { BenchQuery, Dialect, RequestBody } from "./queries";

export type Engine = "sqlite" | "postgres";

/** One server the bench measures, and how to start it. */
export interface Contender {
  id: string;
  label: string;
  engine: Engine;
  dialect: Dialect;
  /** Serves GET /bench/sql-statements (ours and the floor). */
  countsStatements: boolean;
  /** What response caching it does, for the report (none unless said). */
  cache: string;
  /** What it needs besides its database. */
  needs?: "redis";
  /** Sends every request with a partner's API key (`Authorization: Bearer …`), as partner apps do. */
  apiKey?: true;
  /** Sends each query by `documentId` (registered for the bench key) instead of its text. */
  documentIds?: true;
  command: (dbs: BenchDatabases) => { command: string; args: string[]; env: NodeJS.ProcessEnv };
}

/** BENCH_DIST: the compiled bench/ of another build to run our contenders from (a before/after profile). */
const DIST_BENCH = process.env.BENCH_DIST ?? path.join(PROJECT_ROOT, "dist", "bench");
export const POSTGRAPHILE_DIR = path.join(PROJECT_ROOT, "bench", "postgraphile");
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The body a contender sends for request `i` of a query: the text, or the registered document's id. */
export function bodyOf(contender: Contender, query: BenchQuery, i: number): RequestBody {
  const body = query.body(contender.dialect, i);
  if (!contender.documentIds || body.query === undefined) return body;
  return { documentId: `sha256:${createHash("sha256").update(body.query).digest("hex")}`, variables: body.variables };
}

/** The headers a contender's requests carry: a partner's API key for the contender that sends one. */
export function headersOf(contender: Contender, dbs: BenchDatabases): Record<string, string> {
  return contender.apiKey ? { authorization: `Bearer ${dbs.postgresApiKey}` } : {};
}

const url = (dbs: BenchDatabases, engine: Engine) => (engine === "sqlite" ? dbs.sqliteUrl : dbs.postgresUrl);

/** Our server (serve-ours.js: what `npm start` serves) on an engine, with extra environment. */
function ours(engine: Engine, env: NodeJS.ProcessEnv) {
  return (dbs: BenchDatabases) => ({
    command: process.execPath,
    args: [path.join(DIST_BENCH, "serve-ours.js")],
    // No response cache unless the contender says so: the other figures are the work itself.
    // The load comes from one address without a key: the per-address rate limit is raised, and
    // request log lines are off (metrics stay on, as `npm start` runs).
    env: {
      PORT: "0",
      DATABASE_URL: url(dbs, engine),
      RESPONSE_CACHE: "off",
      REDIS_URL: "",
      LOADER_BATCHING: "on",
      BENCH_MODE: "gateway",
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000000",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
}

/** Several processes started as a user starts them (bench/serve-topology.ts); they do not count SQL statements. */
function topology(name: string, env: NodeJS.ProcessEnv = {}) {
  return (dbs: BenchDatabases) => {
    const base = ours("sqlite", env)(dbs);
    return { ...base, args: [path.join(DIST_BENCH, "serve-topology.js")], env: { ...base.env, BENCH_TOPOLOGY: name } };
  };
}

export const CONTENDERS: Contender[] = [
  { id: "gateway-sqlite", label: "gateway · SQLite", engine: "sqlite", dialect: "ours", countsStatements: true, cache: "none", command: ours("sqlite", {}) },
  { id: "gateway-postgres", label: "gateway · PostgreSQL", engine: "postgres", dialect: "ours", countsStatements: true, cache: "none", command: ours("postgres", {}) },
  {
    id: "gateway-postgres-key",
    label: "gateway · PostgreSQL, with an API key",
    engine: "postgres",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    apiKey: true,
    // The key's own budget is raised as the anonymous one is for the others.
    command: ours("postgres", { RATE_LIMIT_KEY_PER_MINUTE: "100000000" }),
  },
  {
    id: "gateway-postgres-key-document",
    label: "gateway · PostgreSQL, API key, by documentId",
    engine: "postgres",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    apiKey: true,
    documentIds: true,
    command: ours("postgres", { RATE_LIMIT_KEY_PER_MINUTE: "100000000" }),
  },
  {
    id: "monolith-sqlite",
    label: "monolith · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    command: ours("sqlite", { BENCH_MODE: "monolith" }),
  },
  {
    id: "monolith-postgres",
    label: "monolith · PostgreSQL",
    engine: "postgres",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    command: ours("postgres", { BENCH_MODE: "monolith" }),
  },
  {
    id: "gateway-http-sqlite",
    label: "gateway, subgraphs over HTTP · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    command: ours("sqlite", { BENCH_MODE: "gateway-http" }),
  },
  {
    id: "naive-sqlite",
    label: "gateway, no DataLoader · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    command: ours("sqlite", { LOADER_BATCHING: "off" }),
  },
  {
    id: "floor-sqlite",
    label: "SQL floor · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    command: (dbs) => ({ command: process.execPath, args: [path.join(DIST_BENCH, "serve-floor.js")], env: { PORT: "0", DATABASE_URL: dbs.sqliteUrl } }),
  },
  {
    id: "floor-postgres",
    label: "SQL floor · PostgreSQL",
    engine: "postgres",
    dialect: "ours",
    countsStatements: true,
    cache: "none",
    command: (dbs) => ({ command: process.execPath, args: [path.join(DIST_BENCH, "serve-floor.js")], env: { PORT: "0", DATABASE_URL: dbs.postgresUrl } }),
  },
  {
    id: "postgraphile",
    label: "PostGraphile 5 · PostgreSQL",
    engine: "postgres",
    dialect: "postgraphile",
    countsStatements: false,
    cache: "none",
    command: (dbs) => ({
      command: process.execPath,
      args: [path.join(POSTGRAPHILE_DIR, "serve.mjs")],
      env: { PORT: "0", DATABASE_URL: dbs.postgresUrl, PG_SCHEMA: dbs.postgresSchema, NODE_ENV: "production" },
    }),
  },
  {
    id: "gateway-sqlite-cache",
    label: "gateway + response cache (memory) · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: true,
    cache: "in-memory response cache",
    command: ours("sqlite", { RESPONSE_CACHE: "on" }),
  },
  {
    id: "gateway-postgres-redis",
    label: "gateway + response cache (Redis) · PostgreSQL",
    engine: "postgres",
    dialect: "ours",
    countsStatements: true,
    cache: "shared Redis response cache",
    needs: "redis",
    command: ours("postgres", { RESPONSE_CACHE: "on", REDIS_URL }),
  },
  // Scale-out: three subgraph processes behind Hive Gateway or behind our gateway; one machine's cores with --workers.
  {
    id: "hive-subgraph-processes-sqlite",
    label: "Hive Gateway, subgraphs over HTTP (own processes) · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: false,
    cache: "none",
    command: topology("hive"),
  },
  {
    id: "hive-router-subgraph-processes-sqlite",
    label: "Hive Gateway on Hive Router's runtime, subgraphs over HTTP (own processes) · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: false,
    cache: "none",
    command: topology("hive-router"),
  },
  {
    id: "gateway-subgraph-processes-sqlite",
    label: "gateway, subgraphs over HTTP (own processes) · SQLite",
    engine: "sqlite",
    dialect: "ours",
    countsStatements: false,
    cache: "none",
    command: topology("gateway-http"),
  },
  { id: "workers-1-sqlite", label: "npm start, 1 worker · SQLite", engine: "sqlite", dialect: "ours", countsStatements: false, cache: "none", command: topology("workers-1") },
  { id: "workers-2-sqlite", label: "npm start --workers 2 · SQLite", engine: "sqlite", dialect: "ours", countsStatements: false, cache: "none", command: topology("workers-2") },
];
