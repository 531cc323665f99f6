import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import { Source } from "../../entities/shared/source.entity";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => ProfessionalCount)
export class ProfessionalCountResolver {
  @FieldResolver(() => Source, { description: "The RPPS extraction the count comes from (its vintage is the extraction date)." })
  source(@Root() c: ProfessionalCount, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, c.sourceId);
  }
}
