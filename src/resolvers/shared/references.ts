import { Directive, Field, ID, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../../entities/shared/key-descriptions";

/** Key fields of the territories other subgraphs extend. */
export interface RegionKey { code: string }
export interface DepartmentKey { code: string }
export interface EpciKey { siren: string }
export interface CommuneKey { code: string }

/**
 * The territories as a subgraph that extends them sees them: by key only. The territories
 * subgraph owns their other fields; the gateway (or, in the monolithic schema, the owner's
 * reference resolver) fills them in.
 *
 * Each extending subgraph needs its own classes: type-graphql attaches every field resolver
 * declared for a class to that class wherever it is used, so sharing one class would leak one
 * subgraph's fields (without their resolvers) into another's schema.
 */
export function territoryReferences() {
  @Directive('@key(fields: "code")')
  @ObjectType("Region", { simpleResolvers: true })
  class RegionRef implements RegionKey {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.regionCode })
    code: string;
  }

  @Directive('@key(fields: "code")')
  @ObjectType("Department", { simpleResolvers: true })
  class DepartmentRef implements DepartmentKey {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.departmentCode })
    code: string;
  }

  @Directive('@key(fields: "siren")')
  @ObjectType("Epci", { simpleResolvers: true })
  class EpciRef implements EpciKey {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.epciSiren })
    siren: string;
  }

  @Directive('@key(fields: "code")')
  @ObjectType("Commune", { simpleResolvers: true })
  class CommuneRef implements CommuneKey {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.communeCode })
    code: string;
  }

  return { RegionRef, DepartmentRef, EpciRef, CommuneRef };
}
