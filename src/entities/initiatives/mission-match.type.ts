import { Field, Int, ObjectType } from "type-graphql";
import { ZoneNeeds } from "./zone-needs.entity";

@ObjectType("MissionMatch", { simpleResolvers: true, description: "For one month, a zone rouge's needs against the days volunteers offered there." })
export class MissionMatch {
  epciSiren: string;
  volunteerIds: string[];

  @Field(() => ZoneNeeds, { description: "What the zone asked for." })
  needs: ZoneNeeds;

  @Field({ description: "The month (YYYY-MM)." })
  month: string;

  @Field(() => Int, { description: "Days volunteers offered in the zone that month." })
  daysOffered: number;

  @Field(() => Int, { description: "Days still wanted that month (never below zero)." })
  daysMissing: number;

  @Field({ description: "True when the zone can host a volunteer now: a room, equipment and lodging are available." })
  readyToHost: boolean;
}
