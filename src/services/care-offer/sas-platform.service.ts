import type { RequestContext } from "../../context/request-context";
import type { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { toSasPlatform } from "../../db/rows/sas-platform.rows";
import { sql } from "../../db/sql-dialect";

/** Every SAS platform imported, by name. */
export async function listSasPlatforms(ctx: RequestContext): Promise<SasPlatform[]> {
  const rows = await sql<Record<string, unknown>>(ctx.db, "SELECT id, name, appointments_booked, source_id FROM sas_platform ORDER BY name");
  return rows.map(toSasPlatform);
}
