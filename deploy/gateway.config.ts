import { defineConfig } from "@graphql-hive/gateway";
import { upstreamDeadline } from "./upstream-deadline";

/**
 * Hive Gateway in front of our three subgraphs (and the partners composed with them), for the
 * several-machines topology of docs/scale-out.md. Run:
 *   npm run supergraph -- --out supergraph.graphql [--gateway-config FILE]
 *   npx hive-gateway supergraph supergraph.graphql -c deploy/gateway.config.ts [--hive-router-runtime]
 * Each subgraph keeps its own limits (cost, aliases), authentication and metrics; this file adds
 * what only the gateway can see: the whole operation's depth and size. `--hive-router-runtime`
 * (or HIVE_ROUTER_RUNTIME=true) plans with Hive Router's Rust query planner
 * (`@graphql-hive/router-runtime`, which must then be installed next to the gateway).
 */
export const gatewayConfig = defineConfig({
  // Re-read every 10 s: a re-composed supergraph (a partner joins) is served without a restart.
  pollingInterval: 10_000,
  // The same bounds our own gateway applies (MAX_QUERY_DEPTH, MAX_QUERY_TOKENS): the hero query is depth 11.
  maxDepth: Number(process.env.MAX_QUERY_DEPTH ?? 12),
  maxTokens: Number(process.env.MAX_QUERY_TOKENS ?? 3000),
  // Our gateway fails a subgraph's fields after SUBGRAPH_TIMEOUT_MS (10 s): the same here, with
  // one timer for every pending fetch instead of `upstreamTimeout`'s signals per fetch (upstream-deadline.ts).
  plugins: () => [upstreamDeadline(Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000))],
  propagateHeaders: {
    // The subgraphs authenticate API keys themselves. They see every request come from this
    // gateway's address: limit anonymous callers here or in front (docs/scale-out.md).
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }),
  },
});
