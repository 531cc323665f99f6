import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("Volunteer", {
  simpleResolvers: true,
  description:
    "A doctor (active or retired) volunteering for missions de solidarité territoriale, registered by an organization. " +
    "Names are shown only to API-key holders.",
})
export class Volunteer {
  @Field(() => ID, { description: "Identifier." })
  id: string;

  organizationId: string;

  @Field({ description: "Name as the registering organization gives it." })
  displayName: string;

  @Field({ description: 'Specialty ("Médecine générale" for a GP).' })
  specialty: string;

  @Field({ description: "True for a retired doctor." })
  retired: boolean;
}
