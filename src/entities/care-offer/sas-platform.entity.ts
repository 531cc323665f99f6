import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("SasPlatform", {
  simpleResolvers: true,
  description:
    "A SAS (service d'accès aux soins): a platform that answers requests for unscheduled care within 48 hours, " +
    "run by hospital emergency services and GPs together. One SAS can cover several départements.",
})
export class SasPlatform {
  @Field(() => ID, { description: "Identifier given in the imported platform list." })
  id: string;

  @Field({ description: "Name of the platform." })
  name: string;

  @Field(() => Int, { nullable: true, description: "Appointments booked through the national platform, when the list gives it." })
  appointmentsBooked: number | null;

  @Field(() => String, { nullable: true, description: "Opening date, at the source's precision (YYYY, YYYY-MM or YYYY-MM-DD), when a source gives it." })
  openedOn: string | null;

  @Field(() => String, { nullable: true, description: "Bodies that run the platform, as the source names them." })
  operators: string | null;

  sourceId: string | null;
}
