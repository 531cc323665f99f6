import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Commune } from "../../entities/territories/commune.entity";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { CommuneCodeArgs } from "./territory.args";

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, { nullable: true, description: 'One commune by INSEE code ("38316"); null if none has this code.' })
  commune(@Args() { code }: CommuneCodeArgs, @Ctx() ctx: RequestContext): Promise<Commune | null> {
    return ctx.loaders.commune.byCode.load(code);
  }

  @FieldResolver(() => Department, { description: "The département it lies in." })
  async department(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<Department> {
    const department = await ctx.loaders.department.byCode.load(commune.departmentCode);
    if (!department) throw new Error(`commune ${commune.code} refers to missing département ${commune.departmentCode}`);
    return department;
  }

  @FieldResolver(() => Epci, { nullable: true, description: "Its EPCI; null for the four island communes that belong to none (Ouessant, Sein, Bréhat, Yeu)." })
  epci(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<Epci | null> {
    return ctx.loaders.epci.byCommune.load(commune.code);
  }
}
