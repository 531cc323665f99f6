import { SUBGRAPH_NAMES } from "../../src/config/subgraph-names";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";

// The gateway config validates subgraph names against a constant, so that the config layer need
// not load every resolver: the constant must name the subgraphs we serve, in the gateway's order.
describe("Subgraph names", () => {
  it("the names the gateway config accepts are those of the subgraphs we serve, in order", () => {
    expect(ALL_SUBGRAPHS.map((s) => s.name)).toEqual([...SUBGRAPH_NAMES]);
  });
});
