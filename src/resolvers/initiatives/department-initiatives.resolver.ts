import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { DepartmentKey } from "../shared/references";
import { asksFor } from "../shared/selection";
import { InitiativesRefs } from "./initiatives.references";
import { INITIATIVE_FILTER_ARG, InitiativeFilter } from "./initiative.input";

@Resolver(() => InitiativesRefs.DepartmentRef)
export class DepartmentInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the département: attached to it, or to one of its EPCI or communes." })
  initiatives(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Arg("filter", () => InitiativeFilter, INITIATIVE_FILTER_ARG) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "DEPARTMENT", filter: filter ?? null, carriers: asksFor(info, "carriers") }).load(d.code);
  }
}
