import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";

@Directive('@key(fields: "code")')
@ObjectType("Region", {
  simpleResolvers: true,
  description:
    "A French région, metropolitan or overseas (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte). " +
    "Source: INSEE Code officiel géographique 2026, via @etalab/decoupage-administratif.",
})
export class Region {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.regionCode })
  code: string;

  @Field({ description: "Official name." })
  name: string;

  @Field(() => Int, {
    description: "Population: sum of the INSEE legal populations of its communes (Mayotte: 2017 census).",
  })
  population: number;
}
