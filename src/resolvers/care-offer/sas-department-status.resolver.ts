import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Source } from "../../entities/shared/source.entity";
import { SasDepartmentStatus } from "../../entities/care-offer/sas-department-status.type";
import { sourceOf } from "../../services/shared/source.service";

@Resolver(() => SasDepartmentStatus)
export class SasDepartmentStatusResolver {
  @FieldResolver(() => [Source], { description: "The pages that state it, one source each." })
  sources(@Root() s: SasDepartmentStatus, @Ctx() ctx: RequestContext): Promise<Source[]> {
    return Promise.all(s.sourceIds.map((id) => sourceOf(ctx, id)));
  }
}
