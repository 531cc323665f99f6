import { IsBoolean, IsInt, IsNumber, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import type { EpciFilterInput } from "../../db/filters/epci.filter";
import { EpciKind } from "../../entities/territories/epci-kind";
import { EpciOrder } from "../../services/territories/territory-lists";
import { DEPARTMENT_CODE, FORMAT_HINTS, REGION_CODE } from "../../validation/territory-codes";

@InputType("EpciFilter", { description: "Conditions an EPCI must meet; all given conditions apply (AND)." })
export class EpciFilter implements EpciFilterInput {
  @Field({ nullable: true, description: "Only EPCI with at least one member commune in this région (INSEE code)." })
  @IsOptional()
  @Matches(REGION_CODE, { message: `regionCode must be ${FORMAT_HINTS.region} (received "$value")` })
  regionCode?: string;

  @Field({ nullable: true, description: "Only EPCI with at least one member commune in this département (INSEE code)." })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: `departmentCode must be ${FORMAT_HINTS.department} (received "$value")` })
  departmentCode?: string;

  @Field(() => [EpciKind], { nullable: true, description: "Only these legal forms." })
  @IsOptional()
  kinds?: EpciKind[];

  @Field({ nullable: true, description: 'Name contains this text, ignoring case and accents ("cazals").' })
  @IsOptional()
  @Length(1, 100, { message: "nameContains must be 1 to 100 characters long" })
  nameContains?: string;

  @Field(() => Int, { nullable: true, description: "Only EPCI with at least this many inhabitants." })
  @IsOptional()
  @IsInt()
  @Min(0, { message: "minPopulation must be zero or more (received $value)" })
  minPopulation?: number;

  @Field(() => Int, { nullable: true, description: "Only EPCI with at most this many inhabitants." })
  @IsOptional()
  @IsInt()
  @Min(0, { message: "maxPopulation must be zero or more (received $value)" })
  @Max(100_000_000)
  maxPopulation?: number;

  @Field({
    nullable: true,
    description: "true: only EPCI designated as zones rouges (confirmed designations); false: only those that are not.",
  })
  @IsOptional()
  @IsBoolean()
  zoneRouge?: boolean;

  @Field(() => Float, {
    nullable: true,
    description: "Only EPCI whose APL to GPs (population-weighted, DREES 2023) is at most this; 2.5 is the usual under-served threshold.",
  })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: "maxApl must be zero or more (received $value)" })
  maxApl?: number;
}

registerEnumType(EpciOrder, {
  name: "EpciOrder",
  description: "Order of an EPCI list.",
  valuesConfig: {
    NAME: { description: "Alphabetical, ignoring accents (the default)." },
    POPULATION_DESC: { description: "Most populous first." },
    POPULATION_ASC: { description: "Least populous first." },
    SIREN: { description: "By SIREN." },
    APL_ASC: { description: "Most under-served first: lowest APL to GPs (DREES 2023, population-weighted), whether designated zone rouge or not." },
    APL_DESC: { description: "Best-served first: highest APL to GPs." },
  },
});
