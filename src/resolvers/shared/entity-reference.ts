/** Marks an object that holds only an entity's key, made by a subgraph that does not own the entity. */
export const IS_REFERENCE = Symbol("entityReference");

export type EntityReference<K extends Record<string, string>> = K & { __typename: string; [IS_REFERENCE]: true };

/**
 * A pointer to an entity another subgraph owns, e.g. `entityReference("Epci", { siren })`.
 * Through the gateway, the owning subgraph resolves it with `_entities`; in the monolithic
 * schema, the owner's fields load it through the owner's reference resolver.
 */
export function entityReference<K extends Record<string, string>>(typename: string, key: K): EntityReference<K> {
  return { ...key, __typename: typename, [IS_REFERENCE]: true } as EntityReference<K>;
}

export function isEntityReference(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[IS_REFERENCE] === true;
}
