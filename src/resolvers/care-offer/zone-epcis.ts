import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../../context/request-context";
import type { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import { entityReference } from "../shared/entity-reference";
import type { EpciKey, ProvidedEpci } from "../shared/references";
import { asksFor } from "../shared/selection";

/** The EPCI fields zones rouges provide (`@provides(fields: "name population")` on their fields). */
export const ZONE_PROVIDES = '@provides(fields: "name population")';
const PROVIDED = new Set(["name", "population"]);

/**
 * The zones' EPCI as a `zonesRouges` field returns them: with their name and population when
 * the query asks for either, so that a gateway needs no fetch from territories for them (the
 * hero query: one subgraph fetch fewer, docs/scale-out.md); by key otherwise. The zones' query
 * joined the EPCI rows and primed the EPCI loader with them: reading them costs no statement.
 */
export async function zoneEpcis(ctx: RequestContext, zones: ZoneRouge[], info: GraphQLResolveInfo): Promise<(EpciKey | ProvidedEpci)[]> {
  if (!asksFor(info, PROVIDED)) return zones.map((z) => entityReference("Epci", { siren: z.epciSiren }));
  const epcis = await ctx.loaders.epci.bySiren.loadMany(zones.map((z) => z.epciSiren));
  return epcis.map((epci, i) => {
    if (epci instanceof Error) throw epci;
    return epci ?? entityReference("Epci", { siren: zones[i].epciSiren });
  });
}
