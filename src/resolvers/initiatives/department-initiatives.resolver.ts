import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { DepartmentKey } from "../shared/references";
import { InitiativesRefs } from "./initiatives.references";
import { INITIATIVE_FILTER_ARG, InitiativeFilter } from "./initiative.input";

@Resolver(() => InitiativesRefs.DepartmentRef)
export class DepartmentInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the département: attached to it, or to one of its EPCI or communes." })
  initiatives(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext, @Arg("filter", () => InitiativeFilter, INITIATIVE_FILTER_ARG) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "DEPARTMENT", filter: filter ?? null }).load(d.code);
  }
}
