import { ApolloServer } from "@apollo/server";
import {
  buildClientSchema,
  getIntrospectionQuery,
  GraphQLSchema,
  type IntrospectionQuery,
  isSpecifiedDirective,
  lexicographicSortSchema,
  printSchema,
} from "graphql";
import { createGateway } from "../gateway/create-gateway";
import { DEFAULT_GATEWAY_CONFIG } from "../config/gateway-config";
import { buildLocalSubgraphs } from "../gateway/local-subgraphs";

/** Where the published schema is committed, at the repository root. */
export const SCHEMA_FILE = "schema.graphql";

/**
 * The schema as clients see it, printed from an introspection result: types sorted by name and
 * only the directives of the GraphQL specification, so that the gateway's API schema and the
 * monolithic schema print alike, and a diff shows only what partners would notice.
 */
export function printApiSchema(introspection: IntrospectionQuery): string {
  const schema = lexicographicSortSchema(buildClientSchema(introspection));
  const config = schema.toConfig();
  return `${printSchema(new GraphQLSchema({ ...config, directives: config.directives.filter(isSpecifiedDirective) }))}\n`;
}

export const INTROSPECTION_QUERY = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true });

/** The API schema of our composed supergraph (our three subgraphs, no partner), as `npm start` serves it. */
export async function supergraphApiSchemaSdl(): Promise<string> {
  const { gateway } = await createGateway(await buildLocalSubgraphs(), { config: DEFAULT_GATEWAY_CONFIG });
  const server = new ApolloServer({ gateway });
  await server.start();
  try {
    const response = await server.executeOperation({ query: INTROSPECTION_QUERY });
    if (response.body.kind !== "single" || response.body.singleResult.errors) {
      throw new Error(`introspection failed: ${JSON.stringify(response.body.kind === "single" ? response.body.singleResult.errors : "incremental")}`);
    }
    return printApiSchema(response.body.singleResult.data as unknown as IntrospectionQuery);
  } finally {
    await server.stop();
  }
}
