import type { NonEmptyArray } from "type-graphql";
import type { SubgraphName } from "../config/subgraph-names";
import type { RequestContext } from "../context/request-context";

/** The key fields of an entity as the gateway sends them (`{ __typename, code }`). */
export type EntityRepresentation = { __typename: string } & Record<string, unknown>;

/** Loads the entity a representation points to, through the request's loaders (so it batches). */
export type ReferenceResolver = (representation: EntityRepresentation, ctx: RequestContext) => Promise<object | null> | object | null;

/** A reference resolver that needs nothing but the key: the representation is all this subgraph's fields read. */
export type KeyReference = ReferenceResolver & { readonly keys: readonly string[] };

/** `byKey("siren")`: resolves a representation to its key fields alone (a subgraph extending an entity it does not own). */
export function byKey(...keys: string[]): KeyReference {
  const resolve = (representation: EntityRepresentation) => Object.fromEntries(keys.map((key) => [key, representation[key]]));
  return Object.assign(resolve, { keys });
}

export function isKeyReference(resolver: ReferenceResolver): resolver is KeyReference {
  return Array.isArray((resolver as Partial<KeyReference>).keys);
}

/** One federated subgraph of this codebase: its resolvers and the entities it can resolve by key. */
export interface SubgraphDefinition {
  /** Name in the supergraph ("territories", "care-offer", "initiatives"). */
  name: SubgraphName;
  resolvers: NonEmptyArray<Function>;
  /**
   * Types to emit even if no field of this subgraph returns them: the entities it extends
   * (reachable through `_entities`), e.g. Region for a subgraph that adds Region.zonesRouges.
   */
  orphanedTypes?: Function[];
  /** Entities whose fields this subgraph owns, by GraphQL type name. */
  references: Record<string, ReferenceResolver>;
}
