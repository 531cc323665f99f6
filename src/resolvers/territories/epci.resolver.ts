import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Commune } from "../../entities/territories/commune.entity";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { pageWindow } from "../shared/connection";
import { pageOfEpcis } from "../../services/territories/territory.service";
import { EpciConnection } from "./epci.connection";
import { EpciOrder } from "../../services/territories/territory-lists";
import { EpciFilter } from "./epci.input";
import { PageArgs } from "../shared/page.args";
import { SirenArgs } from "./territory.args";

@Resolver(() => Epci)
export class EpciResolver {
  @Query(() => EpciConnection, { nullable: true, description: "EPCI (intercommunalités), filtered, ordered and paginated (at most 100 per page). Null, with an error for this field only, when an argument is invalid." })
  async epcis(
    @Ctx() ctx: RequestContext,
    @Args() { first, after }: PageArgs,
    @Arg("filter", () => EpciFilter, { nullable: true, description: "Conditions on the EPCI." }) filter?: EpciFilter,
    @Arg("orderBy", () => EpciOrder, { nullable: true, description: "Order of the list (default NAME)." }) orderBy?: EpciOrder,
  ): Promise<EpciConnection> {
    const { offset, size } = pageWindow(first, after);
    const page = await pageOfEpcis(ctx, filter, orderBy, offset, size);
    return EpciConnection.of(page.rowsPlusOne, offset, size, page.count);
  }

  @Query(() => Epci, { nullable: true, description: 'One EPCI by SIREN ("200035327"); null if none has this SIREN.' })
  epci(@Args() { siren }: SirenArgs, @Ctx() ctx: RequestContext): Promise<Epci | null> {
    return ctx.loaders.epci.bySiren.load(siren);
  }

  @FieldResolver(() => [Department], { description: "Départements holding at least one member commune (usually one; some EPCI span two)." })
  departments(@Root() epci: Epci, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return ctx.loaders.department.byEpci.load(epci.siren);
  }

  @FieldResolver(() => [Commune], { description: "Member communes, most populous first." })
  communes(@Root() epci: Epci, @Ctx() ctx: RequestContext): Promise<Commune[]> {
    return ctx.loaders.commune.byEpci.load(epci.siren);
  }
}
