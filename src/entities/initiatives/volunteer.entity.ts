import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("Volunteer", {
  simpleResolvers: true,
  description:
    "A doctor (active or retired) volunteering for missions de solidarité territoriale, registered by an organization. " +
    "Names are shown only to API-key holders.",
})
@Entity("volunteer")
export class Volunteer {
  @Field(() => ID, { description: "Identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ name: "organization_id", type: "varchar", length: 80 })
  organizationId: string;

  @Field({ description: "Name as the registering organization gives it." })
  @Column({ name: "display_name", type: "varchar" })
  displayName: string;

  @Field({ description: 'Specialty ("Médecine générale" for a GP).' })
  @Column({ type: "varchar" })
  specialty: string;

  @Field({ description: "True for a retired doctor." })
  @Column({ type: "boolean" })
  retired: boolean;
}
