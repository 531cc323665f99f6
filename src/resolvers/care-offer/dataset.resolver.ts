import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Coverage } from "../../entities/care-offer/coverage.type";
import { Dataset } from "../../entities/care-offer/dataset.type";
import { datasetCompleteness, datasetTerritories } from "../../services/care-offer/coverage.service";

@Resolver(() => Dataset)
export class DatasetResolver {
  @FieldResolver(() => Coverage, {
    nullable: true,
    description: "Territories the data cover, e.g. 100 of 101 départements with the missing ones named; null for national figures.",
  })
  territories(@Root() d: Dataset, @Ctx() ctx: RequestContext): Promise<Coverage | null> {
    return datasetTerritories(ctx, d.id);
  }

  @FieldResolver(() => Coverage, {
    nullable: true,
    description: "For a partial list (zones rouges, SAS platforms): items known against the count the sources give; null for the other datasets.",
  })
  completeness(@Root() d: Dataset, @Ctx() ctx: RequestContext): Promise<Coverage | null> {
    return datasetCompleteness(ctx, d.id);
  }
}
