import { IsBoolean, IsOptional } from "class-validator";
import { ArgsType, Field } from "type-graphql";

@ArgsType()
export class ZonesRougesArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: "Also list designations loaded as unconfirmed (ambiguous public sources). Default false.",
  })
  @IsOptional()
  @IsBoolean()
  includeUnconfirmed?: boolean;
}
