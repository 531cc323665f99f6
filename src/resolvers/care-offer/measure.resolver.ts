import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Source } from "../../entities/shared/source.entity";
import { Measure } from "../../entities/care-offer/measure.type";
import { mapUrl } from "../../entities/care-offer/map-measure";
import { MAP_URL_DESCRIPTION } from "./map-url.description";
import { historyOf } from "../../services/care-offer/measure.service";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => Source, { description: "Where the figure comes from." })
  source(@Root() m: Measure, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, m.sourceId);
  }

  @FieldResolver(() => [Measure], { description: "The same series at every date loaded, oldest first (this one included), each with its own source." })
  history(@Root() m: Measure, @Ctx() ctx: RequestContext): Promise<Measure[]> {
    return historyOf(ctx, m);
  }

  @FieldResolver(() => String, { nullable: true, description: MAP_URL_DESCRIPTION })
  mapUrl(@Root() m: Measure): string | null {
    return m.map ? mapUrl(m.map) : null;
  }
}
