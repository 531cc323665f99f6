/**
 * Names of our subgraphs in the supergraph, in the order the gateway lists them. The gateway
 * config validates against these without loading the subgraphs' resolvers.
 */
export const SUBGRAPH_NAMES = ["territories", "care-offer", "initiatives"] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
