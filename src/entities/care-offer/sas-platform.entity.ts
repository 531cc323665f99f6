import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("SasPlatform", {
  simpleResolvers: true,
  description:
    "A SAS (service d'accès aux soins): a platform that answers requests for unscheduled care within 48 hours, " +
    "run by hospital emergency services and GPs together. One SAS can cover several départements.",
})
@Entity("sas_platform")
export class SasPlatform {
  @Field(() => ID, { description: "Identifier given in the imported platform list." })
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Field({ description: "Name of the platform." })
  @Column({ type: "varchar" })
  name: string;

  @Field(() => Int, { nullable: true, description: "Appointments booked through the national platform, when the list gives it." })
  @Column({ name: "appointments_booked", type: "integer", nullable: true })
  appointmentsBooked: number | null;

  @Field(() => String, { nullable: true, description: "Opening date, at the source's precision (YYYY, YYYY-MM or YYYY-MM-DD), when a source gives it." })
  @Column({ name: "opened_on", type: "varchar", length: 10, nullable: true })
  openedOn: string | null;

  @Field(() => String, { nullable: true, description: "Bodies that run the platform, as the source names them." })
  @Column({ type: "text", nullable: true })
  operators: string | null;

  @Column({ name: "source_id", type: "varchar", length: 80, nullable: true })
  sourceId: string | null;
}
