import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("ProfessionalStat", {
  simpleResolvers: true,
  description:
    "Number and density of health professionals of one specialty in one territory, from one source. " +
    "Specialty labels are the producer's own (DREES groups, CNOM specialties, CNAM professions).",
})
export class ProfessionalStat {
  sourceId: string;

  /** INSEE code of the département; "FR" or a région code for computed aggregates. */
  departmentCode: string;

  @Field({ description: 'Specialty or profession as the producer names it ("01-Médecine générale", "Infirmiers").' })
  specialty: string;

  specialtySearch: string;

  @Field(() => Int, { nullable: true, description: "Headcount; null when the source publishes only densities (CNOM)." })
  headcount: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Professionals per 100,000 people of the population the producer divides by, which `densityBase` names (inhabitants for most, " +
      "children or women for some professions): compare only densities with the same base. Null when the producer gives none, or " +
      "when a regional or national figure cannot be had on the producer's base (see method).",
  })
  densityPer100k: number | null;

  /** How a regional or national figure was obtained when the producer does not publish it; null for published figures. */
  @Field(() => String, {
    nullable: true,
    description:
      "How the figure was obtained when the producer does not publish it as served (which headcounts, which population, which " +
      "vintage), or why it is unavailable; null when the producer publishes it as it is.",
  })
  method: string | null = null;
}
