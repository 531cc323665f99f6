import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import type { DepartmentKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { SasDepartmentStatus } from "../../entities/care-offer/sas-department-status.type";

@Resolver(() => CareOfferRefs.DepartmentRef)
export class DepartmentSasResolver {
  @FieldResolver(() => SasDepartmentStatus, {
    nullable: true,
    description:
      "What ARS, URPS or press pages state about the département's own SAS (name, operators, opening date, status), with those " +
      "pages as sources; null when no page describes it (see sasCoverage for the baromètre's coverage figure).",
  })
  sasStatus(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<SasDepartmentStatus | null> {
    return ctx.loaders.coverage.sasStatus.load(d.code);
  }
}
