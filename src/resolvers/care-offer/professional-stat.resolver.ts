import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { DensityBase } from "../../entities/care-offer/density-base.type";
import { Source } from "../../entities/shared/source.entity";
import { mapUrl } from "../../entities/care-offer/map-measure";
import { MAP_URL_DESCRIPTION } from "./map-url.description";
import { familyOf } from "../../entities/shared/professional-source";
import { densityBaseOf } from "../../services/care-offer/density-bases";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => ProfessionalStat)
export class ProfessionalStatResolver {
  @FieldResolver(() => Source, { description: "Where the figures come from." })
  source(@Root() s: ProfessionalStat, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, s.sourceId);
  }

  @FieldResolver(() => DensityBase, { nullable: true, description: "The population the density divides by; null when there is no density." })
  densityBase(@Root() s: ProfessionalStat): DensityBase | null {
    return densityBaseOf(s);
  }

  @FieldResolver(() => String, { nullable: true, description: MAP_URL_DESCRIPTION })
  async mapUrl(@Root() s: ProfessionalStat, @Ctx() ctx: RequestContext): Promise<string | null> {
    const family = familyOf(s.sourceId);
    if (!family) return null;
    const { vintage } = await sourceOf(ctx, s.sourceId);
    return mapUrl({ measure: "professionals", specialty: s.specialty, source: family, vintage });
  }
}
