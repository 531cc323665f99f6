import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { CommuneKey, DepartmentKey, EpciKey, RegionKey } from "../shared/references";
import { InitiativesRefs } from "./initiatives.references";
import { InitiativeFilter } from "./initiative.input";

const FILTER = { nullable: true, description: "Conditions on the initiatives." } as const;

@Resolver(() => InitiativesRefs.RegionRef)
export class RegionInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the région: attached to it, or to one of its départements, EPCI or communes." })
  initiatives(@Root() r: RegionKey, @Ctx() ctx: RequestContext, @Arg("filter", () => InitiativeFilter, FILTER) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "REGION", filter: filter ?? null }).load(r.code);
  }
}

@Resolver(() => InitiativesRefs.DepartmentRef)
export class DepartmentInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the département: attached to it, or to one of its EPCI or communes." })
  initiatives(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext, @Arg("filter", () => InitiativeFilter, FILTER) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "DEPARTMENT", filter: filter ?? null }).load(d.code);
  }
}

@Resolver(() => InitiativesRefs.EpciRef)
export class EpciInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives running in the EPCI: attached to it or to one of its communes." })
  initiatives(@Root() e: EpciKey, @Ctx() ctx: RequestContext, @Arg("filter", () => InitiativeFilter, FILTER) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "EPCI", filter: filter ?? null }).load(e.siren);
  }
}

@Resolver(() => InitiativesRefs.CommuneRef)
export class CommuneInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: "Initiatives attached to the commune." })
  initiatives(@Root() c: CommuneKey, @Ctx() ctx: RequestContext, @Arg("filter", () => InitiativeFilter, FILTER) filter?: InitiativeFilter): Promise<Initiative[]> {
    return ctx.loaders.initiative.byPlace.with({ level: "COMMUNE", filter: filter ?? null }).load(c.code);
  }
}
