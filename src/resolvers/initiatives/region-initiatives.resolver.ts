import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { RegionKey } from "../shared/references";
import { asksFor } from "../shared/selection";
import { InitiativesRefs } from "./initiatives.references";
import { INITIATIVE_FILTER_ARG, InitiativeFilter } from "./initiative.input";

@Resolver(() => InitiativesRefs.RegionRef)
export class RegionInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the région: attached to it, or to one of its départements, EPCI or communes." })
  initiatives(@Root() r: RegionKey, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Arg("filter", () => InitiativeFilter, INITIATIVE_FILTER_ARG) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "REGION", filter: filter ?? null, carriers: asksFor(info, "carriers") }).load(r.code);
  }
}
