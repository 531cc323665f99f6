/** Where each of our subgraphs listens when run alone, unless the gateway config says otherwise. */
export const DEFAULT_SUBGRAPH_URLS: Record<string, string> = {
  territories: "http://localhost:4101/graphql",
  "care-offer": "http://localhost:4102/graphql",
  initiatives: "http://localhost:4103/graphql",
};
