/** Abuse limits, all applied before execution; defaults and variables are in src/config/config.ts. */
export interface Limits {
  /** Deepest selection nesting (MAX_QUERY_DEPTH). */
  maxDepth: number;
  /** Aliases per operation (MAX_QUERY_ALIASES). */
  maxAliases: number;
  /** Lexical tokens per document (MAX_QUERY_TOKENS). */
  maxTokens: number;
  /** Directives per operation (MAX_QUERY_DIRECTIVES). */
  maxDirectives: number;
  /** Estimated result size (MAX_QUERY_COST). */
  maxCost: number;
  /** Largest request body (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Requests per minute per API key (RATE_LIMIT_KEY_PER_MINUTE). */
  keyRequestsPerMinute: number;
  /** Requests per minute per address without a key (RATE_LIMIT_ANONYMOUS_PER_MINUTE). */
  anonymousRequestsPerMinute: number;
  /** Serve introspection (INTROSPECTION). */
  introspection: boolean;
  /** Serve GraphiQL (GRAPHIQL). */
  graphiql: boolean;
  /** Allow-list file (ALLOWLIST_FILE); unset = any operation within the limits. */
  allowListFile: string | undefined;
}
