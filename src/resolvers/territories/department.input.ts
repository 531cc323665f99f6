import { IsNumber, IsOptional, Length, Matches, Min } from "class-validator";
import { Field, Float, InputType, registerEnumType } from "type-graphql";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { DepartmentOrder, type DepartmentFilterInput } from "../../services/territories/territory-lists";
import { FORMAT_HINTS, REGION_CODE } from "../../validation/territory-codes";
import { VINTAGE } from "../../validation/vintage";

@InputType("DepartmentFilter", { description: "Conditions a département must meet; all given conditions apply (AND)." })
export class DepartmentFilter implements DepartmentFilterInput {
  @Field({ nullable: true, description: 'Only départements of this région (INSEE code, "76").' })
  @IsOptional()
  @Matches(REGION_CODE, { message: `regionCode must be ${FORMAT_HINTS.region} (received "$value")` })
  regionCode?: string;

  @Field({ nullable: true, description: "Name contains this text, ignoring case and accents." })
  @IsOptional()
  @Length(1, 100, { message: "nameContains must be 1 to 100 characters long" })
  nameContains?: string;

  @Field(() => Float, {
    nullable: true,
    description: "Only départements with fewer GPs per 100,000 inhabitants than this (e.g. 100), by gpDensitySource.",
  })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: "gpDensityBelow must be zero or more (received $value)" })
  gpDensityBelow?: number;

  @Field(() => Float, { nullable: true, description: "Only départements with at least this many GPs per 100,000 inhabitants." })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: "gpDensityAtLeast must be zero or more (received $value)" })
  gpDensityAtLeast?: number;

  @Field(() => ProfessionalSource, {
    nullable: true,
    description: "Producer of the GP densities used by gpDensityBelow, gpDensityAtLeast and the GP_DENSITY orders. Default DREES_RPPS.",
  })
  @IsOptional()
  gpDensitySource?: ProfessionalSource;

  @Field(() => String, { nullable: true, description: "Vintage of that producer; the latest by default." })
  @IsOptional()
  @Matches(VINTAGE, { message: 'gpDensityVintage must be a year or a date (received "$value")' })
  gpDensityVintage?: string;
}

registerEnumType(DepartmentOrder, {
  name: "DepartmentOrder",
  description: "Order of a département list.",
  valuesConfig: {
    CODE: { description: "By INSEE code (the default): 01, 02, … 2A, 2B, … 976." },
    NAME: { description: "Alphabetical, ignoring accents." },
    POPULATION_DESC: { description: "Most populous first." },
    GP_DENSITY_ASC: { description: "Fewest GPs per 100,000 inhabitants first (source: the filter's gpDensitySource, DREES_RPPS by default)." },
    GP_DENSITY_DESC: { description: "Most GPs per 100,000 inhabitants first." },
  },
});
