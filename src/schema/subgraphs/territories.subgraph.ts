import { CommuneResolver } from "../../resolvers/territories/commune.resolver";
import { DepartmentResolver } from "../../resolvers/territories/department.resolver";
import { EpciResolver } from "../../resolvers/territories/epci.resolver";
import { RegionResolver } from "../../resolvers/territories/region.resolver";
import { SearchResolver } from "../../resolvers/territories/search.resolver";
import type { SubgraphDefinition } from "../subgraph";

/** INSEE / COG data: régions, départements, EPCI, communes and the links between them. */
export const territoriesSubgraph: SubgraphDefinition = {
  name: "territories",
  resolvers: [RegionResolver, DepartmentResolver, EpciResolver, CommuneResolver, SearchResolver],
  references: {
    Region: (ref, ctx) => ctx.loaders.region.byCode.load(String(ref.code)),
    Department: (ref, ctx) => ctx.loaders.department.byCode.load(String(ref.code)),
    Epci: (ref, ctx) => ctx.loaders.epci.bySiren.load(String(ref.siren)),
    Commune: (ref, ctx) => ctx.loaders.commune.byCode.load(String(ref.code)),
  },
};
