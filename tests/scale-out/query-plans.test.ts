import { describeSteps, PlanInspector } from "../../deploy/query-plans";
import { composeSupergraph } from "../../src/gateway/compose";
import { buildLocalSubgraphs } from "../../src/gateway/local-subgraphs";
import { DEFAULT_SUBGRAPH_URLS } from "../../src/gateway/subgraph-urls";
import { EXAMPLE_QUERIES } from "../../src/server/examples";
import { documentedPlans } from "../support/documented-plans";

// The subgraph fetches of each GraphiQL example, under Apollo's query planner (our gateway with
// remote subgraphs, Apollo Router) and Hive Router's (Hive Gateway with --hive-router-runtime),
// computed on the supergraph `npm run supergraph` composes, held to docs/scale-out.md's table.
// tests/scale-out/hive-gateway.test.ts counts the hero's fetches on real processes.

let plans: PlanInspector;
const documented = documentedPlans();

beforeAll(async () => {
  const local = await buildLocalSubgraphs();
  plans = new PlanInspector(composeSupergraph(local.map((s) => ({ name: s.name, url: DEFAULT_SUBGRAPH_URLS[s.name], sdl: s.sdl }))).supergraphSdl);
});

describe("the plan of each GraphiQL example", () => {
  it("documents every example, and no other", () => {
    expect([...documented.keys()].sort()).toEqual(EXAMPLE_QUERIES.map((e) => e.title).sort());
  });

  it.each(EXAMPLE_QUERIES.map((e) => [e.title, e.query] as const))("%p makes the fetches docs/scale-out.md documents, in its steps", (title, query) => {
    const apollo = plans.apolloPlan(query);
    const hiveRouter = plans.hiveRouterPlan(query);
    expect({
      apollo: { fetches: apollo.fetches, steps: describeSteps(apollo) },
      hiveRouter: { fetches: hiveRouter.fetches, steps: describeSteps(hiveRouter) },
    }).toEqual(documented.get(title));
  });

  it("fetches the hero query three times, one step after the other: territories, care-offer (with the EPCI names), initiatives", () => {
    const hero = EXAMPLE_QUERIES[0];
    for (const plan of [plans.apolloPlan(hero.query), plans.hiveRouterPlan(hero.query)]) {
      expect(plan.steps).toEqual([["territories"], ["care-offer"], ["initiatives"]]);
    }
  });
});
