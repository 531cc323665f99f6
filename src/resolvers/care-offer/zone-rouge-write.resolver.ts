import { Args, ArgsType, Ctx, Field, ID, Mutation, Resolver } from "type-graphql";
import { IsOptional, Length, Matches } from "class-validator";
import type { RequestContext } from "../../context/request-context";
import { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import { designateZoneRouge, revokeZoneRouge } from "../../services/care-offer/zone-rouge-write.service";
import { FORMAT_HINTS, SIREN } from "../../validation/territory-codes";

@ArgsType()
class DesignateArgs {
  @Field(() => ID, { description: "SIREN of the EPCI." })
  @Matches(SIREN, { message: `siren must be ${FORMAT_HINTS.siren} (received "$value")` })
  siren: string;

  @Field({ nullable: true, description: "Date of the designation, YYYY-MM-DD (default 2025-06-27, the ministry list)." })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'designatedOn must be YYYY-MM-DD (received "$value")' })
  designatedOn?: string;

  @Field({ nullable: true, description: "Note kept with the designation." })
  @IsOptional()
  @Length(0, 1000)
  note?: string;
}

@ArgsType()
class RevokeArgs {
  @Field(() => ID, { description: "SIREN of the EPCI." })
  @Matches(SIREN, { message: `siren must be ${FORMAT_HINTS.siren} (received "$value")` })
  siren: string;
}

@Resolver(() => ZoneRouge)
export class ZoneRougeWriteResolver {
  @Mutation(() => ZoneRouge, { description: "Designates an EPCI of your région as a zone rouge. Territorial admins (ARS, State) and admins." })
  designateZoneRouge(@Args() args: DesignateArgs, @Ctx() ctx: RequestContext): Promise<ZoneRouge> {
    return designateZoneRouge(ctx, args);
  }

  @Mutation(() => Boolean, { description: "Removes a zone rouge designation in your région. Territorial admins and admins." })
  revokeZoneRouge(@Args() { siren }: RevokeArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return revokeZoneRouge(ctx, siren);
  }
}
