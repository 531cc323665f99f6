import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Coverage } from "../../entities/care-offer/coverage.type";
import { sasPlatformsCoverage, zonesRougesCoverage } from "../../services/care-offer/coverage.service";

@Resolver()
export class CoverageQueryResolver {
  @Query(() => Coverage, {
    description:
      "How complete the national list of zones rouges is: zones known (confirmed, unconfirmed) against the number the ministry " +
      "published, with its source. Give it next to `zonesRouges`.",
  })
  zonesRougesCoverage(@Ctx() ctx: RequestContext): Promise<Coverage> {
    return zonesRougesCoverage(ctx, null);
  }

  @Query(() => Coverage, {
    description: "How complete `sasPlatforms` is: SAS platforms known by name against the latest published national count, with its source.",
  })
  sasPlatformsCoverage(@Ctx() ctx: RequestContext): Promise<Coverage> {
    return sasPlatformsCoverage(ctx);
  }
}
