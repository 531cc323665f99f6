import type { RateLimiter } from "../security/rate-limit.middleware";

/**
 * Which per-request steps of the /graphql pipeline (graphql-handler.ts) a process runs: one
 * profile per serve mode (executable.ts gives `--subgraph` the `behind-gateway` one), its steps
 * decided here, in this one place:
 *
 * - `public`: an endpoint clients call (`npm start`, `--monolith`): every step.
 * - `behind-gateway`: a subgraph process (`--subgraph NAME`) that only a federation gateway
 *   calls. It skips the steps that only a public endpoint needs, because the gateway in front
 *   runs them on the whole operation, or because they mean nothing for its fetches:
 *   the anonymous per-address rate limit (every fetch comes from the gateway's address: limit
 *   anonymous callers at the gateway or the load balancer), the token limit (the gateway counts
 *   the operation's tokens; a fetch is a text the gateway wrote from it) and GraphiQL's page.
 *   API keys, roles, per-key rate limits, depth, aliases, directives, cost, body size, metrics
 *   and the response cache stay in the subgraph (docs/scale-out.md, "Which guarantees stay in
 *   the subgraphs").
 *
 * A subgraph process must then be reachable from its gateway only (a private network), which
 * docs/scale-out.md asks for anyway: a client calling it directly would skip those steps.
 */
export type PipelineProfile = "public" | "behind-gateway";

/** The steps a profile leaves out, as the options createApp gives the pipeline. */
export interface PipelineSteps {
  rateLimit: RateLimiter;
  checkTokens: (query: string | undefined) => void;
  graphiql: boolean;
}

/** The pipeline's steps for a profile, from those of a public endpoint. */
export function stepsFor(profile: PipelineProfile, steps: PipelineSteps): PipelineSteps {
  if (profile === "public") return steps;
  const limitKeys = steps.rateLimit;
  return {
    // Per-key budgets stay: a key's holder may send its operations through the gateway only.
    rateLimit: (caller, address) => (caller.kind === "key" ? limitKeys(caller, address) : Promise.resolve(undefined)),
    checkTokens: () => {},
    graphiql: false,
  };
}
