import { Args, FieldResolver, Resolver, Root } from "type-graphql";
import type { DepartmentKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { departmentMapUrl } from "../../services/care-offer/territory-map.service";
import { TerritoryMapArgs } from "./territory-map.args";
import { TERRITORY_MAP_DESCRIPTIONS } from "./territory-map.description";

@Resolver(() => CareOfferRefs.DepartmentRef)
export class DepartmentMapResolver {
  @FieldResolver(() => String, { nullable: true, description: TERRITORY_MAP_DESCRIPTIONS.department })
  mapUrl(@Root() d: DepartmentKey, @Args() args: TerritoryMapArgs): string | null {
    return departmentMapUrl(d.code, args);
  }
}
