/** Abuse and load limits, all applied before execution; defaults and variables are in src/config/config.ts. */
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
  /** Longest time a request body may take to arrive (REQUEST_BODY_TIMEOUT_MS). */
  bodyTimeoutMs: number;
  /** Slowest average rate of a request body after its first 2 s, bytes/s; 0: none (REQUEST_BODY_MIN_BYTES_PER_SECOND). */
  bodyMinBytesPerSecond: number;
  /** GraphQL operations executed at once (MAX_CONCURRENT_OPERATIONS). */
  maxConcurrentOperations: number;
  /** Operations waiting for their turn at most (MAX_QUEUED_OPERATIONS). */
  maxQueuedOperations: number;
  /** Longest wait for a turn (QUEUE_TIMEOUT_MS). */
  queueTimeoutMs: number;
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
