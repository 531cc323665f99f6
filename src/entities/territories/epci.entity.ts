import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";
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

  @Field({ description: 'Official name, with its legal form ("CC Cazals-Salviac").' })
  name: string;

  @Field(() => EpciKind, { description: "Legal form (CC, CA, CU, Métropole)." })
  kind: EpciKind;

  @Field(() => Int, { description: "Population totale (INSEE legal population, counting people counted elsewhere too)." })
  population: number;
}
