import { IsInt, IsOptional, Matches, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { COMMUNE_CODE, DEPARTMENT_CODE, FORMAT_HINTS, REGION_CODE, SIREN } from "../../validation/territory-codes";

@ArgsType()
export class RegionCodeArgs {
  @Field(() => ID, { description: 'INSEE région code, two digits ("76").' })
  @Matches(REGION_CODE, { message: `code must be ${FORMAT_HINTS.region} (received "$value")` })
  code: string;
}

@ArgsType()
export class DepartmentCodeArgs {
  @Field(() => ID, { description: 'INSEE département code ("46", "2A", "971").' })
  @Matches(DEPARTMENT_CODE, { message: `code must be ${FORMAT_HINTS.department} (received "$value")` })
  code: string;
}

@ArgsType()
export class CommuneCodeArgs {
  @Field(() => ID, { description: 'INSEE commune code ("38316"), not the postal code.' })
  @Matches(COMMUNE_CODE, { message: `code must be ${FORMAT_HINTS.commune} (received "$value")` })
  code: string;
}

@ArgsType()
export class SirenArgs {
  @Field(() => ID, { description: 'SIREN of the EPCI, nine digits ("200035327").' })
  @Matches(SIREN, { message: `siren must be ${FORMAT_HINTS.siren} (received "$value")` })
  siren: string;
}

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(0, { message: "first must be zero or more (received $value)" })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE} (received $value)` })
  first?: number;

  @Field({ nullable: true, description: "Cursor of the last edge already received (pageInfo.endCursor): the page starts after it." })
  @IsOptional()
  after?: string;
}
