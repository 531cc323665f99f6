import { mergeSchemas } from "@graphql-tools/schema";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import type { RequestContext } from "../context/request-context";
import { buildTypeGraphQLSchema } from "./build-schema";
import { isEntityReference } from "../resolvers/shared/entity-reference";
import type { EntityRepresentation, ReferenceResolver, SubgraphDefinition } from "./subgraph";

/** Federation directives used in our type definitions, declared so the merged schema is valid. */
const FEDERATION_DIRECTIVES = `
  directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @shareable repeatable on OBJECT | FIELD_DEFINITION
  directive @external on OBJECT | FIELD_DEFINITION
  directive @requires(fields: String!) on FIELD_DEFINITION
  directive @provides(fields: String!) on FIELD_DEFINITION
  directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
`;

/**
 * All subgraphs as one schema, without a gateway: same resolvers, same loaders. When a field
 * owned by one subgraph meets an entity reference made by another (an Epci known only by its
 * SIREN), the owner's reference resolver loads the entity first, as `_entities` would.
 */
export async function buildMonolithSchema(definitions: SubgraphDefinition[]): Promise<GraphQLSchema> {
  const owners = new Map<string, ReferenceResolver>(); // "Type.field" → owner's reference resolver
  const schemas: GraphQLSchema[] = [];
  for (const definition of definitions) {
    const schema = await buildTypeGraphQLSchema(definition);
    schemas.push(schema);
    for (const [typeName, resolveReference] of Object.entries(definition.references)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      for (const fieldName of Object.keys(type.getFields())) owners.set(`${typeName}.${fieldName}`, resolveReference);
    }
  }
  const merged = mergeSchemas({ schemas, typeDefs: FEDERATION_DIRECTIVES });
  return mapSchema(merged, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const resolveReference = owners.get(`${typeName}.${fieldName}`);
      if (!resolveReference) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        // Not async: most parents are whole entities, and this runs for every field of every row.
        resolve: (parent, args, ctx: RequestContext, info) => {
          if (!isEntityReference(parent)) return resolve(parent, args, ctx, info);
          return Promise.resolve(resolveReference(parent as EntityRepresentation, ctx)).then((entity) =>
            entity === null ? null : resolve(entity, args, ctx, info),
          );
        },
      };
    },
  });
}
