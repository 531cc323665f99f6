import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS, PROVIDED_EPCI_DESCRIPTIONS } from "../shared/key-descriptions";
import { EpciKind } from "./epci-kind";

@Directive('@key(fields: "siren")')
@ObjectType("Epci", {
  simpleResolvers: true,
  description:
    "An EPCI à fiscalité propre (établissement public de coopération intercommunale): an " +
    "intercommunalité grouping communes that share services and, more and more, health policy. " +
    "Source: DGCL list of EPCI 2026, via @etalab/decoupage-administratif.",
})
export class Epci {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.epciSiren })
  siren: string;

  // Shareable: care-offer provides it with its zones rouges (@provides), sparing the gateway a fetch from here.
  @Directive("@shareable")
  @Field({ description: PROVIDED_EPCI_DESCRIPTIONS.name })
  name: string;

  @Field(() => EpciKind, { description: "Legal form (CC, CA, CU, Métropole)." })
  kind: EpciKind;

  @Directive("@shareable")
  @Field(() => Int, { description: PROVIDED_EPCI_DESCRIPTIONS.population })
  population: number;
}
