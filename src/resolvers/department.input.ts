import { IsOptional, Length, Matches } from "class-validator";
import { Field, InputType, registerEnumType } from "type-graphql";
import { FORMAT_HINTS, REGION_CODE } from "../validation/territory-codes";

@InputType("DepartmentFilter", { description: "Conditions a département must meet; all given conditions apply (AND)." })
export class DepartmentFilter {
  @Field({ nullable: true, description: 'Only départements of this région (INSEE code, "76").' })
  @IsOptional()
  @Matches(REGION_CODE, { message: `regionCode must be ${FORMAT_HINTS.region} (received "$value")` })
  regionCode?: string;

  @Field({ nullable: true, description: "Name contains this text, ignoring case and accents." })
  @IsOptional()
  @Length(1, 100, { message: "nameContains must be 1 to 100 characters long" })
  nameContains?: string;
}

export enum DepartmentOrder {
  CODE = "CODE",
  NAME = "NAME",
  POPULATION_DESC = "POPULATION_DESC",
}
registerEnumType(DepartmentOrder, {
  name: "DepartmentOrder",
  description: "Order of a département list.",
  valuesConfig: {
    CODE: { description: "By INSEE code (the default): 01, 02, … 2A, 2B, … 976." },
    NAME: { description: "Alphabetical, ignoring accents." },
    POPULATION_DESC: { description: "Most populous first." },
  },
});
