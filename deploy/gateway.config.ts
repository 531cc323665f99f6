import { defineConfig } from "@graphql-hive/gateway";

/**
 * Hive Gateway in front of our three subgraphs (and the partners composed with them), for the
 * several-machines topology of docs/scale-out.md. Run:
 *   npm run supergraph -- --out supergraph.graphql [--gateway-config FILE]
 *   npx hive-gateway supergraph supergraph.graphql -c deploy/gateway.config.ts
 * Each subgraph keeps its own limits (cost, body size), authentication and metrics; this file
 * adds what only the gateway can see: the whole operation's depth and size.
 */
export const gatewayConfig = defineConfig({
  // Re-read every 10 s: a re-composed supergraph (a partner joins) is served without a restart.
  pollingInterval: 10_000,
  // The same bounds our own gateway applies (MAX_QUERY_DEPTH, MAX_QUERY_TOKENS): the hero query is depth 11.
  maxDepth: Number(process.env.MAX_QUERY_DEPTH ?? 12),
  maxTokens: Number(process.env.MAX_QUERY_TOKENS ?? 3000),
  // Our subgraphs fail a field after SUBGRAPH_TIMEOUT_MS (10 s) in our gateway: the same here.
  upstreamTimeout: Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
  propagateHeaders: {
    // The subgraphs authenticate API keys themselves. They see every request come from this
    // gateway's address: limit anonymous callers here or in front (docs/scale-out.md).
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }),
  },
});
