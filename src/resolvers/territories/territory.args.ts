import { Matches } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { COMMUNE_CODE, DEPARTMENT_CODE, FORMAT_HINTS, POSTAL_CODE, REGION_CODE, SIREN } from "../../validation/territory-codes";

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
  @Field(() => ID, { description: 'INSEE commune code ("38316"), not the postal code; a former code ("01340", merged since) is accepted.' })
  @Matches(COMMUNE_CODE, { message: `code must be ${FORMAT_HINTS.commune} (received "$value")` })
  code: string;
}

@ArgsType()
export class PostalCodeArgs {
  @Field({ description: 'La Poste postal code, five digits ("46100").' })
  @Matches(POSTAL_CODE, { message: `postalCode must be ${FORMAT_HINTS.postalCode} (received "$value")` })
  postalCode: string;
}

@ArgsType()
export class SirenArgs {
  @Field(() => ID, { description: 'SIREN of the EPCI, nine digits ("200035327").' })
  @Matches(SIREN, { message: `siren must be ${FORMAT_HINTS.siren} (received "$value")` })
  siren: string;
}
