import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { Source } from "../../entities/shared/source.entity";
import { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import { entityReference } from "../shared/entity-reference";
import type { DepartmentKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { Indicator } from "../../entities/care-offer/indicator.type";
import { Measure } from "../../entities/care-offer/measure.type";
import { mapUrl } from "../../entities/care-offer/map-measure";
import { historyOf } from "../../services/care-offer/measure.service";
import { familyOf } from "../../entities/shared/professional-source";
import { sourceOf } from "../../services/shared/source.service";

const MAP_URL_DESCRIPTION =
  "Address of a map of France showing this figure for every département (same producer and vintage), as an SVG image; " +
  "the same address ending in .png instead of .svg gives a PNG image. Relative to the API's address, e.g. " +
  "http://localhost:4000/maps/departements.svg?measure=gpDensity. Null when no such map exists.";

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

@Resolver(() => ProfessionalStat)
export class ProfessionalStatResolver {
  @FieldResolver(() => Source, { description: "Where the figures come from." })
  source(@Root() s: ProfessionalStat, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, s.sourceId);
  }

  @FieldResolver(() => String, { nullable: true, description: MAP_URL_DESCRIPTION })
  async mapUrl(@Root() s: ProfessionalStat, @Ctx() ctx: RequestContext): Promise<string | null> {
    const family = familyOf(s.sourceId);
    if (!family) return null;
    const { vintage } = await sourceOf(ctx, s.sourceId);
    return mapUrl({ measure: "professionals", specialty: s.specialty, source: family, vintage });
  }
}

@Resolver(() => ProfessionalCount)
export class ProfessionalCountResolver {
  @FieldResolver(() => Source, { description: "The RPPS extraction the count comes from (its vintage is the extraction date)." })
  source(@Root() c: ProfessionalCount, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, c.sourceId);
  }
}

@Resolver(() => ZoneRouge)
export class ZoneRougeResolver {
  @FieldResolver(() => Source, { description: "The public page or list that names this EPCI as a zone rouge." })
  source(@Root() z: ZoneRouge, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, z.sourceId);
  }
}

@Resolver(() => Indicator)
export class IndicatorSourceResolver {
  @FieldResolver(() => Source, { description: "Where the figure comes from." })
  source(@Root() i: Indicator, @Ctx() ctx: RequestContext): Promise<Source> {
    return sourceOf(ctx, i.sourceId);
  }
}

@Resolver(() => SasPlatform)
export class SasPlatformFieldsResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The platform list it comes from." })
  source(@Root() p: SasPlatform, @Ctx() ctx: RequestContext): Promise<Source | null> {
    return p.sourceId ? sourceOf(ctx, p.sourceId) : Promise.resolve(null);
  }

  @FieldResolver(() => [CareOfferRefs.DepartmentRef], { description: "Départements the platform covers." })
  async departments(@Root() p: SasPlatform, @Ctx() ctx: RequestContext): Promise<DepartmentKey[]> {
    const codes = await ctx.loaders.sas.departmentCodes.load(p.id);
    return codes.map((code) => entityReference("Department", { code }));
  }
}
