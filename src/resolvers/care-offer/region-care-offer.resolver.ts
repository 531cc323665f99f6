import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import type { EpciKey, ProvidedEpci, RegionKey } from "../shared/references";
import { ZONE_PROVIDES, zoneEpcis } from "./zone-epcis";
import { CareOfferRefs } from "./care-offer.references";
import { Measure } from "../../entities/care-offer/measure.type";
import { aplOf, matchesSpecialty } from "../../services/care-offer/measure.service";
import { aggregateProfessionals } from "../../services/care-offer/professional-aggregates";
import { professionalSourceId } from "../../services/shared/professional-source.service";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { ProfessionalArgs } from "./care-offer.args";
import { ZonesRougesArgs } from "./zone-rouge.args";

@Resolver(() => CareOfferRefs.RegionRef)
export class RegionCareOfferResolver {
  @Directive(ZONE_PROVIDES)
  @FieldResolver(() => [CareOfferRefs.EpciRef], {
    description:
      "EPCI of the région designated as zones rouges (2025), most populous first: shorthand for epcis(filter: {zoneRouge: true}). " +
      "An EPCI straddling two régions appears in both.",
  })
  async zonesRouges(
    @Root() r: RegionKey,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args() { includeUnconfirmed }: ZonesRougesArgs,
  ): Promise<(EpciKey | ProvidedEpci)[]> {
    const zones = await ctx.loaders.zoneRouge.byRegion.with(includeUnconfirmed ?? false).load(r.code);
    return zoneEpcis(ctx, zones, info);
  }

  @FieldResolver(() => Measure, { nullable: true, description: "APL to GPs, population-weighted mean of the région's communes." })
  apl(@Root() r: RegionKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return aplOf(ctx, "REGION", r.code);
  }

  @FieldResolver(() => [ProfessionalStat], {
    description:
      "Health professionals of the région: the producer's own région figures where it publishes them (CNAM), as they are; " +
      "otherwise computed from its départements on the producer's population base (see each figure's method and densityBase), " +
      "or null densities where no base can be had (CNOM publishes densities only).",
  })
  async professionals(@Root() r: RegionKey, @Ctx() ctx: RequestContext, @Args() args: ProfessionalArgs): Promise<ProfessionalStat[]> {
    const source = await professionalSourceId(ctx, args.source ?? ProfessionalSource.DREES_RPPS, args.vintage);
    const stats = await aggregateProfessionals(ctx, source.id, { level: "REGION", code: r.code });
    return stats.filter((s) => matchesSpecialty(s, args.specialty));
  }
}
