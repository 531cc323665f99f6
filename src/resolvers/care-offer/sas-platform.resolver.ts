import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { Source } from "../../entities/shared/source.entity";
import { entityReference } from "../shared/entity-reference";
import type { DepartmentKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { sourceOf } from "../../services/shared/source.service";

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
