import { FieldResolver, Resolver, Root } from "type-graphql";
import { MissionDay } from "../../entities/initiatives/mission-day.entity";
import { entityReference } from "../shared/entity-reference";
import type { EpciKey } from "../shared/references";
import { InitiativesRefs } from "./initiatives.references";

@Resolver(() => MissionDay)
export class MissionDayResolver {
  @FieldResolver(() => InitiativesRefs.EpciRef, { description: "The zone rouge where the day is offered." })
  zone(@Root() d: MissionDay): EpciKey {
    return entityReference("Epci", { siren: d.epciSiren });
  }
}
