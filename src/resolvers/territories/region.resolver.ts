import { Args, Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { Region } from "../../entities/territories/region.entity";
import { listRegions } from "../../services/territories/territory.service";
import { EpciFilter } from "./epci.input";
import { RegionCodeArgs } from "./territory.args";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: "Every région, metropolitan and overseas, by INSEE code." })
  regions(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return listRegions(ctx);
  }

  @Query(() => Region, { nullable: true, description: 'One région by INSEE code ("76" Occitanie); null if no région has this code.' })
  region(@Args() { code }: RegionCodeArgs, @Ctx() ctx: RequestContext): Promise<Region | null> {
    return ctx.loaders.region.byCode.load(code);
  }

  @FieldResolver(() => [Department], { description: "Its départements, by INSEE code." })
  departments(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return ctx.loaders.department.byRegion.load(region.code);
  }

  @FieldResolver(() => [Epci], {
    description: "EPCI with at least one member commune in the région (an EPCI can straddle two régions), by name.",
  })
  epcis(
    @Root() region: Region,
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => EpciFilter, { nullable: true, description: "Conditions on the EPCI." }) filter?: EpciFilter,
  ): Promise<Epci[]> {
    return ctx.loaders.epci.byRegion.with(filter ?? null).load(region.code);
  }
}
