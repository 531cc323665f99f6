import { IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { Args, ArgsType, createUnionType, Ctx, Field, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Commune } from "../../entities/territories/commune.entity";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { Region } from "../../entities/territories/region.entity";
import { searchTerritories, type Territory } from "../../services/territories/territory.service";

export const TerritoryMatch = createUnionType({
  name: "TerritoryMatch",
  description: "A territory found by searchTerritories: a région, a département, an EPCI or a commune.",
  types: () => [Region, Department, Epci, Commune] as const,
});

@ArgsType()
class SearchArgs {
  @Field({
    description:
      'Text to find in names, ignoring case, accents and punctuation ("pont de cheruy"); "St"/"Ste" stand for Saint/Sainte ' +
      '("st-etienne"), and hyphens and apostrophes may be left out ("pont dain"). A postal code ("46100") finds the communes it ' +
      'serves, an INSEE code (current or former) its commune.',
  })
  @Length(2, 100, { message: "text must be 2 to 100 characters long" })
  text: string;

  @Field(() => Int, { nullable: true, description: "How many matches at most: 10 by default, at most 50." })
  @IsOptional()
  @IsInt()
  @Min(1, { message: "first must be at least 1 (received $value)" })
  @Max(50, { message: "first must be at most 50 (received $value)" })
  first?: number;
}

@Resolver()
export class SearchResolver {
  @Query(() => [TerritoryMatch], {
    nullable: true,
    description:
      "Territories whose name contains the text, accent- and case-insensitive, as people type it (St for Saint, with or without " +
      "hyphens); the communes of a postal code, or the commune of an INSEE code. Best matches first: " +
      "whole name, then name start, then word start; régions before départements, EPCI and communes; larger first. " +
      "Null, with an error for this field only, when an argument is invalid.",
  })
  searchTerritories(@Args() { text, first }: SearchArgs, @Ctx() ctx: RequestContext): Promise<Territory[]> {
    return searchTerritories(ctx, text, first ?? 10);
  }
}
