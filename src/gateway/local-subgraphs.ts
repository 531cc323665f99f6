import type { GraphQLSchema } from "graphql";
import { buildFederatedSubgraph } from "../schema/build-schema";
import { ALL_SUBGRAPHS } from "../schema/subgraphs";

export interface BuiltSubgraph {
  name: string;
  sdl: string;
  schema: GraphQLSchema;
}

/** Our three subgraphs, built once per process: their SDL for composition, their schema to execute. */
export async function buildLocalSubgraphs(): Promise<BuiltSubgraph[]> {
  return Promise.all(
    ALL_SUBGRAPHS.map(async (definition) => {
      const { schema, sdl } = await buildFederatedSubgraph(definition);
      return { name: definition.name, sdl, schema };
    }),
  );
}
