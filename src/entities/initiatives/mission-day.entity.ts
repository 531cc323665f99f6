import { Field, ObjectType } from "type-graphql";

@ObjectType("MissionDay", { simpleResolvers: true, description: "A day a volunteer offers to consult in a zone rouge." })
export class MissionDay {
  volunteerId: string;

  @Field({ description: "The day (YYYY-MM-DD)." })
  day: string;

  epciSiren: string;
}
