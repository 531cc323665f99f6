import { createHash } from "node:crypto";
import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";

/**
 * A short tag that changes whenever the data the API serves changes: an import or seed that
 * changed a dataset (the catalogue's newest `loaded_at`), or a partner's write (the audit trail's
 * newest entry and its length). Files and images built from the data (maps, exports) are kept
 * under this tag, so that an import or a write is never hidden behind a cached copy, whichever
 * process made it. One statement, on tables of a few hundred rows.
 */
export async function dataVersion(ctx: Pick<RequestContext, "db">): Promise<string> {
  const [row] = await sql<{ loaded: unknown; written: unknown; writes: unknown }>(
    ctx.db,
    "SELECT (SELECT MAX(loaded_at) FROM dataset) AS loaded, (SELECT MAX(at) FROM audit_log) AS written, (SELECT COUNT(*) FROM audit_log) AS writes",
  );
  const text = `${String(row?.loaded ?? "")}|${String(row?.written ?? "")}|${String(row?.writes ?? 0)}`;
  return createHash("sha1").update(text).digest("base64url").slice(0, 12);
}
