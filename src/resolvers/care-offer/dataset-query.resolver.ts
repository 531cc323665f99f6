import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Dataset } from "../../entities/care-offer/dataset.type";
import { listDatasets } from "../../services/care-offer/dataset.service";

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
}
