import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { entityReference } from "../shared/entity-reference";
import type { EpciKey, RegionKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { Measure } from "../../entities/care-offer/measure.type";
import { aggregateStats, aplOf, matchesSpecialty } from "../../services/care-offer/measure.service";
import { professionalSourceId } from "../../services/shared/professional-source.service";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { ProfessionalArgs } from "./care-offer.args";
import { ZonesRougesArgs } from "./zone-rouge.args";

@Resolver(() => CareOfferRefs.RegionRef)
export class RegionCareOfferResolver {
  @FieldResolver(() => [CareOfferRefs.EpciRef], {
    description:
      "EPCI of the région designated as zones rouges (2025), most populous first: shorthand for epcis(filter: {zoneRouge: true}). " +
      "An EPCI straddling two régions appears in both.",
  })
  async zonesRouges(@Root() r: RegionKey, @Ctx() ctx: RequestContext, @Args() { includeUnconfirmed }: ZonesRougesArgs): Promise<EpciKey[]> {
    const zones = await ctx.loaders.zoneRouge.byRegion.with(includeUnconfirmed ?? false).load(r.code);
    return zones.map((z) => entityReference("Epci", { siren: z.epciSiren }));
  }

  @FieldResolver(() => Measure, { nullable: true, description: "APL to GPs, population-weighted mean of the région's communes." })
  apl(@Root() r: RegionKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return aplOf(ctx, "REGION", r.code);
  }

  @FieldResolver(() => [ProfessionalStat], {
    description:
      "Health professionals of the région, computed from its départements: headcounts summed, density = summed headcounts over " +
      "summed populations (never a sum of densities). Empty for CNOM, which publishes densities only.",
  })
  async professionals(@Root() r: RegionKey, @Ctx() ctx: RequestContext, @Args() args: ProfessionalArgs): Promise<ProfessionalStat[]> {
    const source = await professionalSourceId(ctx, args.source ?? ProfessionalSource.DREES_RPPS, args.vintage);
    const stats = await ctx.loaders.professional.byRegion.with(source.id).load(r.code);
    return aggregateStats(stats, r.code).filter((s) => matchesSpecialty(s, args.specialty));
  }
}
