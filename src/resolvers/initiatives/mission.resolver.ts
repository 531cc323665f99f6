import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { IsOptional, Matches } from "class-validator";
import { requireKey } from "../../auth/authorization";
import type { RequestContext } from "../../context/request-context";
import { Volunteer } from "../../entities/initiatives/volunteer.entity";
import { MissionDay } from "../../entities/initiatives/mission-day.entity";
import { ZoneNeeds } from "../../entities/initiatives/zone-needs.entity";
import { MissionMatch } from "../../entities/initiatives/mission-match.type";
import { entityReference } from "../shared/entity-reference";
import type { EpciKey } from "../shared/references";
import { InitiativesRefs } from "./initiatives.references";
import { declareZoneNeeds, matchNeeds, offerMissionDays, registerVolunteer, type ZoneMatch } from "../../services/initiatives/mission.service";
import { FORMAT_HINTS, REGION_CODE } from "../../validation/territory-codes";
import { DeclareZoneNeedsInput, OfferMissionDaysInput, RegisterVolunteerInput } from "./mission.input";

@ArgsType()
class MatchArgs {
  @Field({ description: "Month, YYYY-MM." })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM (received "$value")' })
  month: string;

  @Field({ nullable: true, description: "Only zones of this région." })
  @IsOptional()
  @Matches(REGION_CODE, { message: `regionCode must be ${FORMAT_HINTS.region} (received "$value")` })
  regionCode?: string;
}

@Resolver(() => MissionMatch)
export class MissionResolver {
  @Mutation(() => Volunteer, { description: "Registers a volunteer doctor for your organization. Needs an API key." })
  registerVolunteer(@Arg("input", () => RegisterVolunteerInput, { description: "The volunteer doctor to register." }) input: RegisterVolunteerInput, @Ctx() ctx: RequestContext): Promise<Volunteer> {
    return registerVolunteer(ctx, input);
  }

  @Mutation(() => [MissionDay], { description: "Offers days of one of your volunteers in a zone rouge (at most 2 a month). Needs an API key." })
  offerMissionDays(@Arg("input", () => OfferMissionDaysInput, { description: "The volunteer, the zone rouge and the days offered." }) input: OfferMissionDaysInput, @Ctx() ctx: RequestContext): Promise<MissionDay[]> {
    return offerMissionDays(ctx, input);
  }

  @Mutation(() => ZoneNeeds, { description: "States what a zone rouge of your région needs to host volunteers. Territorial admins and admins." })
  declareZoneNeeds(@Arg("input", () => DeclareZoneNeedsInput, { description: "The zone rouge and what it needs (rooms, equipment, lodging)." }) input: DeclareZoneNeedsInput, @Ctx() ctx: RequestContext): Promise<ZoneNeeds> {
    return declareZoneNeeds(ctx, input);
  }

  @Query(() => [MissionMatch], { nullable: true, description: "Zones rouges with declared needs for a month, most days missing first, with the volunteers who offered days there. Null, with an error for this field only, when an argument is invalid." })
  async missionMatches(@Args() { month, regionCode }: MatchArgs, @Ctx() ctx: RequestContext): Promise<MissionMatch[]> {
    const matches = await matchNeeds(ctx, month, regionCode);
    return matches.map((m: ZoneMatch) =>
      Object.assign(new MissionMatch(), {
        ...m,
        daysMissing: Math.max(0, m.needs.daysWantedPerMonth - m.daysOffered),
        readyToHost: m.needs.consultationRooms > 0 && m.needs.medicalEquipment && m.needs.lodging,
      }),
    );
  }

  @FieldResolver(() => InitiativesRefs.EpciRef, { description: "The zone rouge." })
  zone(@Root() m: MissionMatch): EpciKey {
    return entityReference("Epci", { siren: m.epciSiren });
  }

  @FieldResolver(() => [Volunteer], {
    nullable: true,
    description: "Volunteers who offered days there that month. Personal data: only for API-key holders (null with UNAUTHENTICATED otherwise).",
  })
  async volunteers(@Root() m: MissionMatch, @Ctx() ctx: RequestContext): Promise<Volunteer[]> {
    requireKey(ctx.caller);
    const volunteers = await ctx.loaders.volunteer.byId.loadMany(m.volunteerIds);
    // loadMany resolves failed keys to Error values instead of rejecting: a failed batch is an error, not a shorter list.
    const failed = volunteers.find((v): v is Error => v instanceof Error);
    if (failed) throw failed;
    return volunteers.filter((v): v is Volunteer => v !== null);
  }
}
