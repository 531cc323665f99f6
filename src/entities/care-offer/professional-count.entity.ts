import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("ProfessionalCount", {
  simpleResolvers: true,
  description:
    "How many health professionals of one profession (and specialty, for doctors) work in a commune, from the national RPPS " +
    "register (Répertoire partagé des professionnels de santé, the official list of health professionals allowed to practise, " +
    "published as open data by the Agence du numérique en santé). A professional working in several communes counts in each.",
})
export class ProfessionalCount {
  sourceId: string;

  communeCode: string;

  @Field({ description: 'Profession as the register names it ("Médecin", "Infirmier", "Pharmacien", "Masseur-Kinésithérapeute"…).' })
  profession: string;

  /** "" when the register gives none; shown as null. */
  specialtyKey: string;

  @Field(() => String, {
    nullable: true,
    description: 'Specialty recognised by the professional body, for doctors mostly ("Médecine générale", "Pédiatrie"); null when none is given.',
  })
  get specialty(): string | null {
    return this.specialtyKey === "" ? null : this.specialtyKey;
  }

  @Field(() => Int, { description: "Number of distinct professionals (by national RPPS number) with an activity in the commune." })
  headcount: number;

  /** Profession and specialty in search form (see toSearchText), for the text filter; not stored. */
  searchText: string;
}
