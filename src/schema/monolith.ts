import { mergeSchemas } from "@graphql-tools/schema";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { getNamedType, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from "graphql";
import type { RequestContext } from "../context/request-context";
import { buildTypeGraphQLSchema, type SchemaBuildOptions } from "./build-schema";
import { sameResolverPath } from "./lean-resolvers";
import { isEntityReference } from "../resolvers/shared/entity-reference";
import { asksFor } from "../resolvers/shared/selection";
import { type EntityRepresentation, isKeyReference, type ReferenceResolver, type SubgraphDefinition } from "./subgraph";

/** Federation directives used in our type definitions, declared so the merged schema is valid. */
const FEDERATION_DIRECTIVES = `
  directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @shareable repeatable on OBJECT | FIELD_DEFINITION
  directive @external on OBJECT | FIELD_DEFINITION
  directive @requires(fields: String!) on FIELD_DEFINITION
  directive @provides(fields: String!) on FIELD_DEFINITION
  directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
`;

/** Per entity type, the reference resolver that loads it and the fields only a loaded entity has. */
interface Loading {
  resolve: ReferenceResolver;
  fields: ReadonlySet<string>;
}

/**
 * All subgraphs as one schema, without a gateway: same resolvers, same loaders. An entity
 * reference made by one subgraph (an Epci known only by its SIREN) is loaded where it is made,
 * as `_entities` would load it: a field resolver whose type is an entity another subgraph loads
 * hands its references to the owner's reference resolver, when the query selects a field only
 * the loaded entity has (`name`, not `siren`). The entities' own fields keep no resolver of
 * their own, so graphql-jit reads them inline, instead of calling a wrapper on every field of
 * every row.
 */
export async function buildMonolithSchema(definitions: SubgraphDefinition[], options: SchemaBuildOptions = {}): Promise<GraphQLSchema> {
  const loading = new Map<string, Loading & { fields: Set<string> }>();
  const keyFields = new Map<string, Set<string>>(); // fields the key-only views of a type have: its key
  const schemas: GraphQLSchema[] = [];
  for (const definition of definitions) {
    const schema = await buildTypeGraphQLSchema(definition, options);
    schemas.push(schema);
    for (const [typeName, resolveReference] of Object.entries(definition.references)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      if (isKeyReference(resolveReference)) {
        const keys = keyFields.get(typeName) ?? new Set<string>();
        for (const key of resolveReference.keys) keys.add(key);
        keyFields.set(typeName, keys);
      } else {
        loading.set(typeName, { resolve: resolveReference, fields: new Set(Object.keys(type.getFields())) });
      }
    }
  }
  for (const [typeName, keys] of keyFields) for (const key of keys) loading.get(typeName)?.fields.delete(key);
  const merged = mergeSchemas({ schemas, typeDefs: FEDERATION_DIRECTIVES });
  return mapSchema(merged, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      // References are made by field resolvers only (entityReference), never kept in an entity's property.
      const entity = loading.get(getNamedType(field.type).name);
      if (!entity || !field.resolve) return field;
      const resolve = field.resolve;
      return {
        ...field,
        resolve: sameResolverPath(resolve, (parent: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => {
          const value: unknown = resolve(parent, args, ctx, info);
          if (!asksFor(info, entity.fields)) return value;
          return isPromiseLike(value) ? Promise.resolve(value).then((v) => loaded(v, entity, ctx)) : loaded(value, entity, ctx);
        }),
      };
    },
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** The value with its references replaced by the entities they point to (null for one that is gone). */
function loaded(value: unknown, entity: Loading, ctx: RequestContext): unknown {
  if (Array.isArray(value)) {
    if (!value.some(isEntityReference)) return value;
    return Promise.all(value.map((item) => (isEntityReference(item) ? entity.resolve(item as EntityRepresentation, ctx) : item)));
  }
  return isEntityReference(value) ? entity.resolve(value as EntityRepresentation, ctx) : value;
}
