import type { RequestContext } from "../../context/request-context";
import type { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { toSasPlatform } from "../../db/rows/sas-platform.rows";
import { sql } from "../../db/sql-dialect";

/** Every SAS platform held (named by pages or imported), by name. */
export async function listSasPlatforms(ctx: RequestContext): Promise<SasPlatform[]> {
  const rows = await sql<Record<string, unknown>>(ctx.db, "SELECT id, name, appointments_booked, source_id, opened_on, operators FROM sas_platform ORDER BY name");
  return rows.map(toSasPlatform);
}
