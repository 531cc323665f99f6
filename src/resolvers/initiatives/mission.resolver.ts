import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { IsOptional, Matches } from "class-validator";
import { requireKey } from "../../auth/authorization";
import type { RequestContext } from "../../context/request-context";
import { Organization } from "../../entities/initiatives/organization.entity";
import { MissionDay, Volunteer, ZoneNeeds } from "../../entities/initiatives/volunteer.entity";
import { entityReference } from "../shared/entity-reference";
import type { EpciKey } from "../shared/references";
import { InitiativesRefs } from "./initiatives.references";
import { declareZoneNeeds, matchNeeds, offerMissionDays, registerVolunteer, type ZoneMatch } from "../../services/initiatives/mission.service";
import { FORMAT_HINTS, REGION_CODE } from "../../validation/territory-codes";
import { DeclareZoneNeedsInput, OfferMissionDaysInput, RegisterVolunteerInput } from "./mission.input";

@ObjectType("MissionMatch", { description: "For one month, a zone rouge's needs against the days volunteers offered there." })
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

  @Query(() => [MissionMatch], { description: "Zones rouges with declared needs for a month, most days missing first, with the volunteers who offered days there." })
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
    return volunteers.filter((v): v is Volunteer => v !== null && !(v instanceof Error));
  }
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The organization that registered the volunteer." })
  organization(@Root() v: Volunteer, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return ctx.loaders.organization.byId.load(v.organizationId);
  }
}

@Resolver(() => MissionDay)
export class MissionDayResolver {
  @FieldResolver(() => InitiativesRefs.EpciRef, { description: "The zone rouge where the day is offered." })
  zone(@Root() d: MissionDay): EpciKey {
    return entityReference("Epci", { siren: d.epciSiren });
  }
}
