import { Field, Float, ObjectType } from "type-graphql";

@ObjectType("DensityBase", {
  simpleResolvers: true,
  description:
    "The population a density is divided by. Producers divide some professions by the population they serve (children for " +
    "pédiatres, women for gynécologues and sages-femmes), so only densities with the same base can be compared.",
})
export class DensityBase {
  @Field({ description: 'Who is counted, in plain words: "inhabitants", "children under 15", "women aged 15 or more", "women aged 15 to 49", or "not stated".' })
  population: string;

  @Field({ description: "True when the producer states this base; false when it is read from the size of the population its own figures imply (see note)." })
  statedByProducer: boolean;

  @Field(() => Float, {
    nullable: true,
    description: "Size of that population in the territory as the producer's own figures imply it: headcount ÷ density × 100,000 (approximate: densities are rounded). Null without a headcount or with a zero density.",
  })
  impliedSize: number | null;

  @Field(() => String, { nullable: true, description: "How the base was established." })
  note: string | null;
}
