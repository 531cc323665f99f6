import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";

@Directive('@key(fields: "code")')
@ObjectType("Commune", {
  simpleResolvers: true,
  description:
    "A commune, the smallest French local authority, in metropolitan France or an overseas département, as of " +
    "1 January 2026. Source: INSEE Code officiel géographique 2026 and legal populations.",
})
export class Commune {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.communeCode })
  code: string;

  @Field({ description: "Official name." })
  name: string;

  departmentCode: string;

  regionCode: string;

  @Field(() => Int, { description: "INSEE legal population (population municipale)." })
  population: number;

  @Field(() => [String], { description: "La Poste postal codes serving the commune (one commune can have several)." })
  postalCodes: string[];

  /** Set when the commune was looked up by a former code (a commune merged into it since); not stored. */
  @Field(() => String, {
    nullable: true,
    description:
      'The former INSEE code this commune was looked up by, when it was one: commune(code: "01340") answers Arboys en Bugey ' +
      '(01015), into which Saint-Bois (01340) was merged, with formerCodeGiven "01340". Null when looked up by its current code ' +
      "or reached through another field.",
  })
  formerCodeGiven?: string | null;
}
