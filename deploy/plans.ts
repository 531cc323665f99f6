import "reflect-metadata";
import { composeSupergraph } from "../src/gateway/compose";
import { buildLocalSubgraphs } from "../src/gateway/local-subgraphs";
import { DEFAULT_SUBGRAPH_URLS } from "../src/gateway/subgraph-urls";
import { EXAMPLE_QUERIES } from "../src/server/examples";
import { describeSteps, PlanInspector } from "./query-plans";

/**
 * `npm run topology:plans`: for each example query of GraphiQL's panel, the subgraph fetches a
 * gateway makes and the steps they follow one another in, under Apollo's query planner and Hive
 * Router's, on our three subgraphs composed as `npm run supergraph` composes them. Prints the
 * markdown table of docs/scale-out.md ("The plan of each example"), which
 * tests/scale-out/query-plans.test.ts holds to the plans.
 */
async function main(): Promise<void> {
  const local = await buildLocalSubgraphs();
  const { supergraphSdl } = composeSupergraph(local.map((s) => ({ name: s.name, url: DEFAULT_SUBGRAPH_URLS[s.name], sdl: s.sdl })));
  const plans = new PlanInspector(supergraphSdl);
  const lines = ["| example | fetches (Apollo) | steps (Apollo) | fetches (Hive Router) | steps (Hive Router) |", "|---|---:|---|---:|---|"];
  for (const example of EXAMPLE_QUERIES) {
    const apollo = plans.apolloPlan(example.query);
    const hive = plans.hiveRouterPlan(example.query);
    lines.push(`| ${example.title} | ${apollo.fetches} | ${describeSteps(apollo)} | ${hive.fetches} | ${describeSteps(hive)} |`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`plans failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
