import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import type { RegionKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { Coverage } from "../../entities/care-offer/coverage.type";
import { zonesRougesCoverage } from "../../services/care-offer/coverage.service";

@Resolver(() => CareOfferRefs.RegionRef)
export class RegionCoverageResolver {
  @FieldResolver(() => Coverage, {
    description:
      "How complete the région's `zonesRouges` is: zones known (confirmed, unconfirmed) against the number ARS or press pages " +
      "give for the région (expected null when no source gives it), each zone counted in the région holding most of its population.",
  })
  zonesRougesCoverage(@Root() r: RegionKey, @Ctx() ctx: RequestContext): Promise<Coverage> {
    return zonesRougesCoverage(ctx, r.code);
  }
}
