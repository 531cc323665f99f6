import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { Region } from "../../entities/territories/region.entity";
import { pageWindow } from "../shared/connection";
import { listDepartments } from "../../services/territories/territory.service";
import { CommuneConnection } from "./commune.connection";
import { DepartmentOrder } from "../../services/territories/territory-lists";
import { DepartmentFilter } from "./department.input";
import { EpciFilter } from "./epci.input";
import { PageArgs } from "../shared/page.args";
import { DepartmentCodeArgs } from "./territory.args";

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { nullable: true, description: "Départements, filtered and ordered (by INSEE code unless told otherwise). Null, with an error for this field only, when an argument is invalid." })
  departments(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => DepartmentFilter, { nullable: true, description: "Conditions on the départements." }) filter?: DepartmentFilter,
    @Arg("orderBy", () => DepartmentOrder, { nullable: true, description: "Order of the list (default CODE)." }) orderBy?: DepartmentOrder,
  ): Promise<Department[]> {
    return listDepartments(ctx, filter, orderBy);
  }

  @Query(() => Department, { nullable: true, description: 'One département by INSEE code ("46", "2A", "971"); null if none.' })
  department(@Args() { code }: DepartmentCodeArgs, @Ctx() ctx: RequestContext): Promise<Department | null> {
    return ctx.loaders.department.byCode.load(code);
  }

  @FieldResolver(() => Region, { description: "The région it belongs to." })
  async region(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<Region> {
    const region = await ctx.loaders.region.byCode.load(department.regionCode);
    if (!region) throw new Error(`département ${department.code} refers to missing région ${department.regionCode}`);
    return region;
  }

  @FieldResolver(() => [Epci], { description: "EPCI with at least one member commune in the département, by name." })
  epcis(
    @Root() department: Department,
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => EpciFilter, { nullable: true, description: "Conditions on the EPCI." }) filter?: EpciFilter,
  ): Promise<Epci[]> {
    return ctx.loaders.epci.byDepartment.with(filter ?? null).load(department.code);
  }

  @FieldResolver(() => CommuneConnection, { description: "Its communes by INSEE code, a page at a time." })
  async communes(@Root() department: Department, @Ctx() ctx: RequestContext, @Args() { first, after }: PageArgs): Promise<CommuneConnection> {
    const { offset, size } = pageWindow(first, after);
    const rows = size === 0 ? [] : await ctx.loaders.commune.pageByDepartment.with({ offset, limit: size + 1 }).load(department.code);
    return CommuneConnection.of(rows, offset, size, () => ctx.loaders.commune.countByDepartment.load(department.code));
  }
}
