import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { EpciKey } from "../shared/references";
import { asksFor } from "../shared/selection";
import { InitiativesRefs } from "./initiatives.references";
import { INITIATIVE_FILTER_ARG, InitiativeFilter } from "./initiative.input";

@Resolver(() => InitiativesRefs.EpciRef)
export class EpciInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the EPCI: attached to it or to one of its communes." })
  initiatives(@Root() e: EpciKey, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Arg("filter", () => InitiativeFilter, INITIATIVE_FILTER_ARG) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "EPCI", filter: filter ?? null, carriers: asksFor(info, "carriers") }).load(e.siren);
  }
}
