import { IsBoolean, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import type { InitiativeFilterInput } from "../../db/filters/initiative.filter";
import { InitiativeKind } from "../../entities/initiatives/initiative-kind";
import { OrganizationKind } from "../../entities/initiatives/organization-kind";
import { COMMUNE_CODE, DEPARTMENT_CODE, FORMAT_HINTS, REGION_CODE, SIREN } from "../../validation/territory-codes";

@InputType("InitiativeFilter", { description: "Conditions an initiative must meet; all given conditions apply (AND)." })
export class InitiativeFilter implements InitiativeFilterInput {
  @Field(() => [InitiativeKind], { nullable: true, description: "Only these kinds." })
  @IsOptional()
  kinds?: InitiativeKind[];

  @Field(() => [ID], { nullable: true, description: "Only initiatives carried by one of these organizations (ids)." })
  @IsOptional()
  carrierIds?: string[];

  @Field(() => [OrganizationKind], { nullable: true, description: "Only initiatives carried by an organization of one of these kinds (e.g. MUTUELLE)." })
  @IsOptional()
  carrierKinds?: OrganizationKind[];

  @Field({ nullable: true, description: "Only initiatives that run in this région (at any level below it)." })
  @IsOptional()
  @Matches(REGION_CODE, { message: `regionCode must be ${FORMAT_HINTS.region} (received "$value")` })
  regionCode?: string;

  @Field({ nullable: true, description: "Only initiatives that run in this département (in it, its EPCI or its communes)." })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: `departmentCode must be ${FORMAT_HINTS.department} (received "$value")` })
  departmentCode?: string;

  @Field({ nullable: true, description: "Only initiatives that run in this EPCI (in it or its communes)." })
  @IsOptional()
  @Matches(SIREN, { message: `epciSiren must be ${FORMAT_HINTS.siren} (received "$value")` })
  epciSiren?: string;

  @Field({ nullable: true, description: 'Only initiatives attached to this commune (INSEE code; a former code, merged since, stands for the current commune).' })
  @IsOptional()
  @Matches(COMMUNE_CODE, { message: `communeCode must be ${FORMAT_HINTS.commune} (received "$value")` })
  communeCode?: string;

  @Field({ nullable: true, description: "Only initiatives that run in a (confirmed) zone rouge." })
  @IsOptional()
  @IsBoolean()
  zonesRougesOnly?: boolean;

  @Field({ nullable: true, description: "Title or summary contains this text, ignoring case." })
  @IsOptional()
  @Length(2, 100, { message: "text must be 2 to 100 characters long" })
  text?: string;

  @Field({ nullable: true, description: "Include archived initiatives (left out by default)." })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

/** Options of the `filter` argument of the territories' `initiatives` fields. */
export const INITIATIVE_FILTER_ARG = { nullable: true, description: "Conditions on the initiatives." } as const;
