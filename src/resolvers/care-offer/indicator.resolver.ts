import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Source } from "../../entities/shared/source.entity";
import { Indicator } from "../../entities/care-offer/indicator.type";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => Indicator)
export class IndicatorSourceResolver {
  @FieldResolver(() => Source, { description: "Where the figure comes from." })
  source(@Root() i: Indicator, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, i.sourceId);
  }
}
