import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";

@Directive('@key(fields: "code")')
@ObjectType("Department", {
  simpleResolvers: true,
  description:
    "A département, metropolitan or overseas (971 to 976). " +
    "Source: INSEE Code officiel géographique 2026, via @etalab/decoupage-administratif.",
})
export class Department {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.departmentCode })
  code: string;

  @Field({ description: "Official name." })
  name: string;

  /** Foreign key to the région; indexed so loaders can batch on it. */
  regionCode: string;

  @Field(() => Int, { description: "Population: sum of the INSEE legal populations of its communes." })
  population: number;
}
