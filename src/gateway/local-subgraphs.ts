import type { GraphQLSchema } from "graphql";
import { buildFederatedSubgraph, type SchemaBuildOptions } from "../schema/build-schema";
import { ALL_SUBGRAPHS } from "../schema/subgraphs";

export interface BuiltSubgraph {
  name: string;
  sdl: string;
  schema: GraphQLSchema;
}

/** Our three subgraphs, built once per process: their SDL for composition, their schema to execute. */
export async function buildLocalSubgraphs(options: SchemaBuildOptions = {}): Promise<BuiltSubgraph[]> {
  return Promise.all(
    ALL_SUBGRAPHS.map(async (definition) => {
      const { schema, sdl } = await buildFederatedSubgraph(definition, options);
      return { name: definition.name, sdl, schema };
    }),
  );
}
