import type { RequestContext } from "../../context/request-context";
import type { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { SAS_PLATFORM_COLUMNS, toSasPlatform } from "../../db/rows/sas-platform.rows";
import { sql } from "../../db/sql-dialect";

/** Every SAS platform held (named by pages or imported), by name. */
export async function listSasPlatforms(ctx: RequestContext): Promise<SasPlatform[]> {
  const rows = await sql<Record<string, unknown>>(ctx.db, `SELECT ${SAS_PLATFORM_COLUMNS} FROM sas_platform p ORDER BY p.name`);
  return rows.map(toSasPlatform);
}
