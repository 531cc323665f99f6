import { Args, FieldResolver, Resolver, Root } from "type-graphql";
import type { RegionKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { regionMapUrl } from "../../services/care-offer/territory-map.service";
import { TerritoryMapArgs } from "./territory-map.args";
import { TERRITORY_MAP_DESCRIPTIONS } from "./territory-map.description";

@Resolver(() => CareOfferRefs.RegionRef)
export class RegionMapResolver {
  @FieldResolver(() => String, { nullable: true, description: TERRITORY_MAP_DESCRIPTIONS.region })
  mapUrl(@Root() r: RegionKey, @Args() args: TerritoryMapArgs): string | null {
    return regionMapUrl(r.code, args);
  }
}
