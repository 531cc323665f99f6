import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import type { MissionDaysOffer, VolunteerRegistration, ZoneNeedsDeclaration } from "../../services/initiatives/mission.service";
import { FORMAT_HINTS, SIREN } from "../../validation/territory-codes";

@InputType("RegisterVolunteerInput", { description: "A doctor volunteering for solidarity missions, registered by your organization." })
export class RegisterVolunteerInput implements VolunteerRegistration {
  @Field({ description: "Name of the doctor (1 to 120 characters)." })
  @Length(1, 120, { message: "displayName must be 1 to 120 characters long" })
  displayName: string;

  @Field({ nullable: true, description: 'Specialty; "Médecine générale" by default.' })
  @IsOptional()
  @Length(2, 120, { message: "specialty must be 2 to 120 characters long" })
  specialty?: string;

  @Field({ description: "True for a retired doctor." })
  @IsBoolean()
  retired: boolean;
}

@InputType("OfferMissionDaysInput", { description: "Days a volunteer offers in one zone rouge (at most 2 a month, as the scheme sets)." })
export class OfferMissionDaysInput implements MissionDaysOffer {
  @Field(() => ID, { description: "The volunteer (registered by your organization)." })
  @Length(1, 36)
  volunteerId: string;

  @Field(() => ID, { description: "SIREN of the zone rouge." })
  @Matches(SIREN, { message: `epciSiren must be ${FORMAT_HINTS.siren} (received "$value")` })
  epciSiren: string;

  @Field(() => [String], { description: "Days, YYYY-MM-DD (1 to 10)." })
  @ArrayMinSize(1, { message: "days holds at least one day" })
  @ArrayMaxSize(10, { message: "days holds at most 10 days" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be YYYY-MM-DD (received "$value")' })
  days: string[];
}

@InputType("DeclareZoneNeedsInput", { description: "What a zone rouge needs to host volunteers (territorial admins, for their région)." })
export class DeclareZoneNeedsInput implements ZoneNeedsDeclaration {
  @Field(() => ID, { description: "SIREN of the zone rouge." })
  @Matches(SIREN, { message: `epciSiren must be ${FORMAT_HINTS.siren} (received "$value")` })
  epciSiren: string;

  @Field(() => Int, { description: "Consultation days wanted each month (1 to 62)." })
  @IsInt()
  @Min(1, { message: "daysWantedPerMonth must be at least 1 (received $value)" })
  @Max(62, { message: "daysWantedPerMonth must be at most 62 (received $value)" })
  daysWantedPerMonth: number;

  @Field(() => Int, { description: "Consultation rooms available (0 to 50)." })
  @IsInt()
  @Min(0, { message: "consultationRooms must be zero or more (received $value)" })
  @Max(50, { message: "consultationRooms must be at most 50 (received $value)" })
  consultationRooms: number;

  @Field({ description: "True when medical equipment is available." })
  @IsBoolean()
  medicalEquipment: boolean;

  @Field({ description: "True when lodging is available." })
  @IsBoolean()
  lodging: boolean;

  @Field({ nullable: true, description: "Anything else volunteers should know (up to 1,000 characters)." })
  @IsOptional()
  @Length(0, 1000, { message: "note must be at most 1,000 characters long" })
  note?: string;
}
