import { ArrayMaxSize, IsIn, IsInt, IsOptional, Length, Matches, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import type { Initiative } from "../../entities/initiatives/initiative.entity";
import type { Attachment } from "../../db/rows/initiative-place.rows";
import { InitiativeKind } from "../../entities/initiatives/initiative-kind";
import type { InitiativeChanges, NewInitiative } from "../../services/initiatives/initiative-write.service";
import { VINTAGE } from "../../validation/vintage";

export enum TerritoryLevel {
  REGION = "REGION",
  DEPARTMENT = "DEPARTMENT",
  EPCI = "EPCI",
  COMMUNE = "COMMUNE",
}
registerEnumType(TerritoryLevel, {
  name: "TerritoryLevel",
  description: "A level of the territorial skeleton.",
  valuesConfig: {
    REGION: { description: 'A région, by its INSEE code ("76").' },
    DEPARTMENT: { description: 'A département, by its INSEE code ("46", "2A", "971").' },
    EPCI: { description: 'An EPCI (grouping of communes), by its SIREN ("200035327").' },
    COMMUNE: { description: 'A commune, by its INSEE code ("38316"), not its postal code.' },
  },
});

@InputType("PlaceInput", { description: "A territory an initiative runs in, by level and code." })
export class PlaceInput implements Attachment {
  @Field(() => TerritoryLevel, { description: "REGION, DEPARTMENT, EPCI or COMMUNE." })
  @IsIn(Object.values(TerritoryLevel))
  level: TerritoryLevel;

  @Field(() => ID, { description: 'INSEE code (région, département, commune) or SIREN (EPCI): "76", "46", "200035327", "38316".' })
  @Matches(/^[0-9AB]{2,9}$/, { message: 'code must be an INSEE code or a SIREN (received "$value")' })
  code: string;
}

/** Fields a partner writes; `implements Partial<Initiative>` makes a renamed column break this input at compile time. */
@InputType("CreateInitiativeInput", { description: "A new initiative of the caller's organization." })
export class CreateInitiativeInput implements Partial<Initiative>, NewInitiative {
  @Field({ description: "Title (3 to 200 characters)." })
  @Length(3, 200, { message: "title must be 3 to 200 characters long" })
  title: string;

  @Field(() => InitiativeKind, { description: "What it does." })
  @IsIn(Object.values(InitiativeKind))
  kind: InitiativeKind;

  @Field({ description: "What it is, in a few sentences (up to 4,000 characters)." })
  @Length(1, 4000, { message: "summary must be 1 to 4,000 characters long" })
  summary: string;

  @Field(() => String, { nullable: true, description: "When it started: YYYY, YYYY-MM or YYYY-MM-DD." })
  @IsOptional()
  @Matches(VINTAGE, { message: 'startedOn must be YYYY, YYYY-MM or YYYY-MM-DD (received "$value")' })
  startedOn?: string;

  @Field({ description: 'Where it stands ("running", "in preparation"…).' })
  @Length(1, 40, { message: "status must be 1 to 40 characters long" })
  status: string;

  @Field(() => [PlaceInput], { description: "Territories it runs in (at most 200); empty for a national initiative." })
  @ArrayMaxSize(200, { message: "places holds at most 200 territories" })
  @ValidateNested({ each: true })
  places: PlaceInput[];

  @Field(() => [ID], { nullable: true, description: "Other organizations carrying it with you (your own is always a carrier)." })
  @IsOptional()
  @ArrayMaxSize(20, { message: "carrierIds holds at most 20 organizations" })
  carrierIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: "Your identifier for this request: sending the same one again returns the initiative already created instead of a copy.",
  })
  @IsOptional()
  @Length(1, 80, { message: "clientMutationId must be 1 to 80 characters long" })
  clientMutationId?: string;
}

@InputType("UpdateInitiativeInput", { description: "Changes to an initiative; fields left out keep their value." })
export class UpdateInitiativeInput implements Partial<Initiative>, InitiativeChanges {
  @Field(() => ID, { description: "The initiative." })
  @Length(1, 80)
  id: string;

  @Field(() => Int, { description: "The version you read; if someone changed it since, the update is refused with CONFLICT." })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true, description: "New title." })
  @IsOptional()
  @Length(3, 200, { message: "title must be 3 to 200 characters long" })
  title?: string;

  @Field(() => InitiativeKind, { nullable: true, description: "New kind." })
  @IsOptional()
  @IsIn(Object.values(InitiativeKind))
  kind?: InitiativeKind;

  @Field({ nullable: true, description: "New summary." })
  @IsOptional()
  @Length(1, 4000, { message: "summary must be 1 to 4,000 characters long" })
  summary?: string;

  @Field(() => String, { nullable: true, description: "New start date." })
  @IsOptional()
  @Matches(VINTAGE, { message: 'startedOn must be YYYY, YYYY-MM or YYYY-MM-DD (received "$value")' })
  startedOn?: string;

  @Field({ nullable: true, description: "New status." })
  @IsOptional()
  @Length(1, 40, { message: "status must be 1 to 40 characters long" })
  status?: string;

  @Field(() => [PlaceInput], { nullable: true, description: "New territories (replace the old ones)." })
  @IsOptional()
  @ArrayMaxSize(200, { message: "places holds at most 200 territories" })
  @ValidateNested({ each: true })
  places?: PlaceInput[];
}
