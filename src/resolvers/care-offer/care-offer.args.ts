import { IsOptional, Length, Matches } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { VINTAGE } from "../../validation/vintage";

@ArgsType()
export class ProfessionalArgs {
  @Field(() => String, { nullable: true, description: 'Only specialties whose name contains this text, ignoring case and accents ("generale", "infirmier").' })
  @IsOptional()
  @Length(2, 100, { message: "specialty must be 2 to 100 characters long" })
  specialty?: string;

  @Field(() => ProfessionalSource, { nullable: true, description: "Producer of the figures. Default DREES_RPPS." })
  @IsOptional()
  source?: ProfessionalSource;

  @Field(() => String, { nullable: true, description: 'Vintage of that producer ("2010", "2025"); the latest by default.' })
  @IsOptional()
  @Matches(VINTAGE, { message: 'vintage must be a year or a date, e.g. "2025" (received "$value")' })
  vintage?: string;
}

@ArgsType()
export class DensityArgs {
  @Field(() => ProfessionalSource, { nullable: true, description: "Producer of the figure. Default DREES_RPPS (all GPs in activity, vintage 2022 inferred)." })
  @IsOptional()
  source?: ProfessionalSource;

  @Field(() => String, { nullable: true, description: "Vintage of that producer; the latest by default." })
  @IsOptional()
  @Matches(VINTAGE, { message: 'vintage must be a year or a date, e.g. "2025" (received "$value")' })
  vintage?: string;
}

@ArgsType()
export class CommuneProfessionalArgs {
  @Field(() => String, { nullable: true, description: 'Only professions or specialties whose name contains this text, ignoring case and accents ("medecin", "infirm", "pediatrie").' })
  @IsOptional()
  @Length(2, 100, { message: "profession must be 2 to 100 characters long" })
  profession?: string;

  @Field(() => String, { nullable: true, description: 'Date of the RPPS extraction ("2025-04-04", or a prefix such as "2025"); the latest imported by default.' })
  @IsOptional()
  @Matches(VINTAGE, { message: 'vintage must be a year or a date, e.g. "2025" (received "$value")' })
  vintage?: string;
}
