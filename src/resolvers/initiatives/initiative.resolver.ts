import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Length } from "class-validator";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import { Organization } from "../../entities/initiatives/organization.entity";
import { Source } from "../../entities/shared/source.entity";
import { pageWindow } from "../shared/connection";
import { entityReference } from "../shared/entity-reference";
import type { CommuneKey, DepartmentKey, EpciKey, RegionKey } from "../shared/references";
import { InitiativesRefs } from "./initiatives.references";
import type { PlaceLevel } from "../../db/rows/initiative-place.rows";
import { pageOfInitiatives } from "../../services/initiatives/initiative.service";
import { InitiativeConnection } from "./initiative.connection";
import { InitiativeFilter } from "./initiative.input";
import { PageArgs } from "../shared/page.args";

@ArgsType()
class InitiativeIdArgs {
  @Field(() => ID, { description: "Identifier of the initiative." })
  @Length(1, 80, { message: "id must be 1 to 80 characters long" })
  id: string;
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, { nullable: true, description: "Initiatives, filtered, most recently changed first, paginated (at most 100 per page). Null, with an error for this field only, when an argument is invalid." })
  async initiatives(
    @Ctx() ctx: RequestContext,
    @Args() { first, after }: PageArgs,
    @Arg("filter", () => InitiativeFilter, { nullable: true, description: "Conditions on the initiatives." }) filter?: InitiativeFilter,
  ): Promise<InitiativeConnection> {
    const { offset, size } = pageWindow(first, after);
    const page = await pageOfInitiatives(ctx, filter, offset, size);
    return InitiativeConnection.of(page.rowsPlusOne, offset, size, page.count);
  }

  @Query(() => Initiative, { nullable: true, description: "One initiative by id; null if none has it." })
  initiative(@Args() { id }: InitiativeIdArgs, @Ctx() ctx: RequestContext): Promise<Initiative | null> {
    return ctx.loaders.initiative.byId.load(id);
  }

  @FieldResolver(() => [Organization], { description: "Organizations that carry it (mutuelles, communes, ARS…)." })
  carriers(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    return ctx.loaders.initiative.carriers.load(i.id);
  }

  @FieldResolver(() => [InitiativesRefs.CommuneRef], { description: "Communes it is attached to." })
  communes(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<CommuneKey[]> {
    return this.attached(i, ctx, "COMMUNE", "Commune", "code");
  }

  @FieldResolver(() => [InitiativesRefs.EpciRef], { description: "EPCI it is attached to." })
  epcis(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<EpciKey[]> {
    return this.attached(i, ctx, "EPCI", "Epci", "siren");
  }

  @FieldResolver(() => [InitiativesRefs.DepartmentRef], { description: "Départements it is attached to." })
  departments(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<DepartmentKey[]> {
    return this.attached(i, ctx, "DEPARTMENT", "Department", "code");
  }

  @FieldResolver(() => InitiativesRefs.RegionRef, {
    nullable: true,
    description: "The région it runs in: the one it is attached to, or the one holding all its places; null when national or spread over several.",
  })
  async region(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<RegionKey | null> {
    const regions = await ctx.loaders.initiative.regions.load(i.id);
    return regions.length === 1 ? entityReference("Region", { code: regions[0] }) : null;
  }

  @FieldResolver(() => Source, { nullable: true, description: "Where the information comes from (null for an initiative a partner recorded itself)." })
  async source(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<Source | null> {
    return i.sourceId ? ctx.loaders.source.byId.load(i.sourceId) : null;
  }

  private async attached<K extends "code" | "siren">(i: Initiative, ctx: RequestContext, level: PlaceLevel, typename: string, key: K) {
    const places = await ctx.loaders.initiative.places.load(i.id);
    return places.filter((p) => p.level === level).map((p) => entityReference(typename, { [key]: p.code } as Record<K, string>));
  }
}
