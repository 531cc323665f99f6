import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import type { EpciKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { epciMapUrl } from "../../services/care-offer/territory-map.service";
import { TerritoryMapArgs } from "./territory-map.args";
import { TERRITORY_MAP_DESCRIPTIONS } from "./territory-map.description";

@Resolver(() => CareOfferRefs.EpciRef)
export class EpciMapResolver {
  @FieldResolver(() => String, { nullable: true, description: TERRITORY_MAP_DESCRIPTIONS.epci })
  mapUrl(@Root() e: EpciKey, @Ctx() ctx: RequestContext, @Args() args: TerritoryMapArgs): Promise<string | null> {
    return epciMapUrl(ctx, e.siren, args);
  }
}
