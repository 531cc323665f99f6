import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import type { EpciKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { Measure } from "../../entities/care-offer/measure.type";
import { aplOf } from "../../services/care-offer/measure.service";

@Resolver(() => CareOfferRefs.EpciRef)
export class EpciCareOfferResolver {
  @FieldResolver(() => ZoneRouge, {
    nullable: true,
    description: "Its designation as a zone rouge (2025), or null when it is not one. Check `confirmed` and the source.",
  })
  zoneRouge(@Root() e: EpciKey, @Ctx() ctx: RequestContext): Promise<ZoneRouge | null> {
    return ctx.loaders.zoneRouge.byEpci.load(e.siren);
  }

  @FieldResolver(() => Measure, {
    nullable: true,
    description: "APL to GPs (consultations per year per standardised inhabitant): population-weighted mean of its communes' APL. Under 2.5 is commonly read as under-served.",
  })
  apl(@Root() e: EpciKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return aplOf(ctx, "EPCI", e.siren);
  }
}
