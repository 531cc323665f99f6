import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { CommuneKey } from "../shared/references";
import { asksFor } from "../shared/selection";
import { InitiativesRefs } from "./initiatives.references";
import { INITIATIVE_FILTER_ARG, InitiativeFilter } from "./initiative.input";

@Resolver(() => InitiativesRefs.CommuneRef)
export class CommuneInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives attached to the commune." })
  initiatives(@Root() c: CommuneKey, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Arg("filter", () => InitiativeFilter, INITIATIVE_FILTER_ARG) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "COMMUNE", filter: filter ?? null, carriers: asksFor(info, "carriers") }).load(c.code);
  }
}
