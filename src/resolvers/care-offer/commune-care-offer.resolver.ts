import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalCount } from "../../entities/care-offer/professional-count.entity";
import type { CommuneKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { Measure } from "../../entities/care-offer/measure.type";
import { communeApl, communeProfessionals } from "../../services/care-offer/measure.service";
import { CommuneProfessionalArgs } from "./care-offer.args";

@Resolver(() => CareOfferRefs.CommuneRef)
export class CommuneCareOfferResolver {
  @FieldResolver(() => Measure, {
    nullable: true,
    description: "APL to GPs as DREES publishes it (for Paris, Lyon and Marseille, weighted over their arrondissements). Null for Mayotte, which DREES does not cover.",
  })
  apl(@Root() c: CommuneKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return communeApl(ctx, c.code);
  }

  @FieldResolver(() => [ProfessionalCount], {
    description:
      "Health professionals working in the commune, by profession and specialty, from the national RPPS register (latest extraction " +
      "imported with `npm run import -- rpps`). Empty until an extraction is imported.",
  })
  professionals(@Root() c: CommuneKey, @Ctx() ctx: RequestContext, @Args() { profession, vintage }: CommuneProfessionalArgs): Promise<ProfessionalCount[]> {
    return communeProfessionals(ctx, c.code, profession, vintage);
  }
}
