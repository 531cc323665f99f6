import { Field, Float, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("ProfessionalStat", {
  description:
    "Number and density of health professionals of one specialty in one territory, from one source. " +
    "Specialty labels are the producer's own (DREES groups, CNOM specialties, CNAM professions).",
})
@Entity("professional_stat")
export class ProfessionalStat {
  @PrimaryColumn({ name: "source_id", type: "varchar", length: 80 })
  sourceId: string;

  /** INSEE code of the département; "FR" or a région code for computed aggregates. */
  @PrimaryColumn({ name: "department_code", type: "varchar", length: 3 })
  departmentCode: string;

  @Field({ description: 'Specialty or profession as the producer names it ("01-Médecine générale", "Infirmiers").' })
  @PrimaryColumn({ type: "varchar", length: 120 })
  specialty: string;

  @Column({ name: "specialty_search", type: "varchar", length: 120 })
  specialtySearch: string;

  @Field(() => Int, { nullable: true, description: "Headcount; null when the source publishes only densities (CNOM)." })
  @Column({ type: "integer", nullable: true })
  headcount: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Per 100,000 inhabitants, with the producer's own population. Aggregates divide summed headcounts by summed populations; densities are never added up.",
  })
  @Column({ type: "double precision", nullable: true })
  densityPer100k: number | null;
}
