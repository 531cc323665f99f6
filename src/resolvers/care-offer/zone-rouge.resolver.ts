import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Source } from "../../entities/shared/source.entity";
import { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => ZoneRouge)
export class ZoneRougeResolver {
  @FieldResolver(() => Source, { description: "The public page or list that names this EPCI as a zone rouge." })
  source(@Root() z: ZoneRouge, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, z.sourceId);
  }
}
