import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Source } from "../../entities/shared/source.entity";
import { Coverage } from "../../entities/care-offer/coverage.type";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => Coverage)
export class CoverageResolver {
  @FieldResolver(() => Source, { nullable: true, description: "Where the expected count comes from; null when the count is unknown or is the territorial list itself." })
  async expectedSource(@Root() c: Coverage, @Ctx() ctx: RequestContext): Promise<Source | null> {
    return c.expectedSourceId ? sourceOf(ctx, c.expectedSourceId) : null;
  }
}
