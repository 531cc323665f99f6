import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";

/** SIRENs of the EPCI designated as zones rouges, most populous first; confirmed designations only unless asked. */
export async function zoneRougeSirens(ctx: RequestContext, includeUnconfirmed: boolean | undefined): Promise<string[]> {
  const rows = await sql<{ epci_siren: string }>(
    ctx.db,
    `SELECT z.epci_siren FROM zone_rouge z JOIN epci e ON e.siren = z.epci_siren
       ${includeUnconfirmed ? "" : "WHERE z.confirmed = TRUE "}ORDER BY e.population DESC, z.epci_siren`,
  );
  return rows.map((r) => r.epci_siren);
}
