import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Commune } from "../../entities/territories/commune.entity";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { communeByCode } from "../../services/territories/commune-code.service";
import { CommuneCodeArgs, PostalCodeArgs } from "./territory.args";

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, {
    nullable: true,
    description:
      'One commune by INSEE code ("38316"). A former code, of a commune merged since ("01340"), answers the current commune ' +
      "(see formerCodeGiven); null if no commune ever had this code.",
  })
  commune(@Args() { code }: CommuneCodeArgs, @Ctx() ctx: RequestContext): Promise<Commune | null> {
    return communeByCode(ctx, code);
  }

  @Query(() => [Commune], {
    nullable: true,
    description:
      'The communes a La Poste postal code serves ("46100": Figeac and 18 neighbours), largest first; empty when none does. ' +
      "One postal code can serve several communes and a commune can have several. Null, with an error for this field only, " +
      "when the postal code is malformed.",
  })
  communesByPostalCode(@Args() { postalCode }: PostalCodeArgs, @Ctx() ctx: RequestContext): Promise<Commune[]> {
    return ctx.loaders.commune.byPostalCode.load(postalCode);
  }

  @FieldResolver(() => [String], {
    description:
      'INSEE codes of the communes merged into this one since they were created (Arboys en Bugey: ["01340"]), in code order; ' +
      "each of them answers this commune in commune(code:) and in the exports' filters. Source: INSEE COG 2026.",
  })
  formerCodes(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders.commune.formerCodes.load(commune.code);
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
