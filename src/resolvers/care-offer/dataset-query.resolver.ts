import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Dataset } from "../../entities/care-offer/dataset.type";
import { findDataset, listDatasets } from "../../services/care-offer/dataset.service";

@Resolver()
export class DatasetQueryResolver {
  @Query(() => [Dataset], {
    description:
      "The catalogue: every dataset the server holds, with producer, vintage, licence, file, rows, load date, the command that " +
      "refreshes it, the territories it covers and, for partial lists, how complete it is.",
  })
  datasets(@Ctx() ctx: RequestContext): Promise<Dataset[]> {
    return listDatasets(ctx);
  }

  @Query(() => Dataset, {
    nullable: true,
    description: 'One dataset of the catalogue by its id ("pdsa", "barometre-ind-587"…), e.g. to show its coverage next to its figures; null when not held.',
  })
  dataset(@Arg("id", () => ID, { description: "Identifier of the dataset, as `datasets` lists it." }) id: string, @Ctx() ctx: RequestContext): Promise<Dataset | null> {
    return findDataset(ctx, id);
  }
}
