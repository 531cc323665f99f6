import { ConfigError } from "./config";

/** Abuse limits, all applied before execution. Defaults are documented in the README's limits table. */
export interface Limits {
  /** Deepest selection nesting. Default 12 (a Relay-shaped query with connections needs 11). */
  maxDepth: number;
  /** Aliases per operation. Default 30. */
  maxAliases: number;
  /** Lexical tokens per document (parser stops beyond). Default 3,000. */
  maxTokens: number;
  /** Directives per operation. Default 20. */
  maxDirectives: number;
  /** Estimated result size: each list multiplies its children by its page size or typical length. Default 60,000. */
  maxCost: number;
  /** Largest request body accepted. Default 100 kB. */
  maxBodyBytes: number;
  /** Requests per minute per API key. Default 1,200. */
  keyRequestsPerMinute: number;
  /** Requests per minute per IP address without a key. Default 300. */
  anonymousRequestsPerMinute: number;
  /** Serve introspection. Default true, false when NODE_ENV=production. */
  introspection: boolean;
  /** Serve GraphiQL. Default true, false when NODE_ENV=production. */
  graphiql: boolean;
  /** JSON file listing the only operations accepted (allow-list mode); unset = any operation within the limits. */
  allowListFile: string | undefined;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer (received "${raw}")`);
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new ConfigError(`${name} must be true or false (received "${raw}")`);
}

export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  const production = env.NODE_ENV === "production";
  return {
    maxDepth: positiveInteger(env, "MAX_QUERY_DEPTH", 12),
    maxAliases: positiveInteger(env, "MAX_QUERY_ALIASES", 30),
    maxTokens: positiveInteger(env, "MAX_QUERY_TOKENS", 3000),
    maxDirectives: positiveInteger(env, "MAX_QUERY_DIRECTIVES", 20),
    maxCost: positiveInteger(env, "MAX_QUERY_COST", 60000),
    maxBodyBytes: positiveInteger(env, "MAX_BODY_BYTES", 100 * 1024),
    keyRequestsPerMinute: positiveInteger(env, "RATE_LIMIT_KEY_PER_MINUTE", 1200),
    anonymousRequestsPerMinute: positiveInteger(env, "RATE_LIMIT_ANONYMOUS_PER_MINUTE", 300),
    introspection: boolean(env, "INTROSPECTION", !production),
    graphiql: boolean(env, "GRAPHIQL", !production),
    allowListFile: env.ALLOWLIST_FILE || undefined,
  };
}

/** Limits for tests and tools that build an app without reading the environment. */
export const DEFAULT_LIMITS: Limits = loadLimits({});
