import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS, PROVIDED_EPCI_DESCRIPTIONS } from "../../entities/shared/key-descriptions";

/** Key fields of the territories other subgraphs extend. */
export interface RegionKey { code: string }
export interface DepartmentKey { code: string }
export interface EpciKey { siren: string }
/** An EPCI with the fields a subgraph that read its row anyway provides (`@provides`) besides its key. */
export interface ProvidedEpci extends EpciKey { name: string; population: number }
export interface CommuneKey { code: string }

/**
 * The territories as a subgraph that extends them sees them: by key only. The territories
 * subgraph owns their other fields; the gateway (or, in the monolithic schema, the owner's
 * reference resolver) fills them in.
 *
 * Each extending subgraph needs its own classes: type-graphql attaches every field resolver
 * declared for a class to that class wherever it is used, so sharing one class would leak one
 * subgraph's fields (without their resolvers) into another's schema.
 *
 * `providesEpci`: the EPCI view also declares `name` and `population` as `@external`, so that
 * a field of this subgraph that reads the EPCI's row anyway can return them with
 * `@provides(fields: "name population")`, and spare the gateway a fetch from territories.
 */
export function territoryReferences(options: { providesEpci?: boolean } = {}) {
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

  // Only the view asked for is declared: type-graphql keeps every class it decorates.
  const EpciRef = options.providesEpci ? providedEpciView() : keyOnlyEpciView();

  @Directive('@key(fields: "code")')
  @ObjectType("Commune", { simpleResolvers: true })
  class CommuneRef implements CommuneKey {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.communeCode })
    code: string;
  }

  return { RegionRef, DepartmentRef, EpciRef, CommuneRef };
}

function keyOnlyEpciView() {
  @Directive('@key(fields: "siren")')
  @ObjectType("Epci", { simpleResolvers: true })
  class EpciRef implements EpciKey {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.epciSiren })
    siren: string;
  }
  return EpciRef;
}

function providedEpciView() {
  @Directive('@key(fields: "siren")')
  @ObjectType("Epci", { simpleResolvers: true })
  class EpciRef implements ProvidedEpci {
    @Field(() => ID, { description: KEY_DESCRIPTIONS.epciSiren })
    siren: string;

    @Directive("@external")
    @Field({ description: PROVIDED_EPCI_DESCRIPTIONS.name })
    name: string;

    @Directive("@external")
    @Field(() => Int, { description: PROVIDED_EPCI_DESCRIPTIONS.population })
    population: number;
  }
  return EpciRef;
}
