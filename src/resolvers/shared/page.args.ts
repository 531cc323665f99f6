import { IsInt, IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../config/pagination";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(0, { message: "first must be zero or more (received $value)" })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE} (received $value)` })
  first?: number;

  @Field({ nullable: true, description: "Cursor of the last edge already received (pageInfo.endCursor): the page starts after it." })
  @IsOptional()
  after?: string;
}
