/**
 * An object that holds only an entity's key, made by a subgraph that does not own the entity.
 * A class rather than a tagged literal: one shape for every reference, and `instanceof` to
 * recognise one (references are made for every row of a list, e.g. each zone rouge's EPCI).
 */
class Reference {
  constructor(
    readonly __typename: string,
    key: Record<string, string>,
  ) {
    Object.assign(this, key);
  }
}

export type EntityReference<K extends Record<string, string>> = K & { __typename: string };

/**
 * A pointer to an entity another subgraph owns, e.g. `entityReference("Epci", { siren })`.
 * Through the gateway, the owning subgraph resolves it with `_entities`; in the monolithic
 * schema, the field that made it loads it through the owner's reference resolver.
 */
export function entityReference<K extends Record<string, string>>(typename: string, key: K): EntityReference<K> {
  return new Reference(typename, key) as unknown as EntityReference<K>;
}

export function isEntityReference(value: unknown): boolean {
  return value instanceof Reference;
}
