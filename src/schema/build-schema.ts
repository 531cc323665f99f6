import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { validateArguments } from "../validation/validate-args";
import type { SubgraphDefinition } from "./subgraph";

/** Federation 2 link prepended to every subgraph's SDL. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag"])\n\n';

/** The plain type-graphql schema of a subgraph (federation directives kept as SDL annotations). */
export function buildTypeGraphQLSchema(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    // Federation directives (@key…) are not declared in this schema: the subgraph build adds them.
    skipCheck: true,
    validateFn: validateArguments,
  });
}

/** A Federation 2 subgraph: `_service`, `_entities` and `__resolveReference` for its entities. */
export async function buildFederatedSubgraph(definition: SubgraphDefinition): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphQLSchema = await buildTypeGraphQLSchema(definition);
  const sdl = FEDERATION_LINK + printSchemaWithDirectives(typeGraphQLSchema);
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return { schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }), sdl };
}
