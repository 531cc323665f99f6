import type { RequestContext } from "../../context/request-context";
import { requireKey, requireTerritorialAuthority } from "../../auth/authorization";
import { type ZoneRouge, ZONES_ROUGES_LIST_DATE, ZONES_ROUGES_PROGRAMME } from "../../entities/care-offer/zone-rouge.entity";
import { bool, sql } from "../../db/sql-dialect";
import { BadUserInputError, NotFoundError } from "../../errors/errors";
import { audit } from "../shared/audit.service";
import type { SqlRunner } from "../../db/sql-dialect";

export interface DesignationInput {
  siren: string;
  designatedOn?: string;
  note?: string;
}

async function current(m: SqlRunner, siren: string) {
  const [row] = await sql<Record<string, unknown>>(m, "SELECT epci_siren, designated_on, programme, confirmed, note, source_id FROM zone_rouge WHERE epci_siren = ?", [siren]);
  return row ?? null;
}

/**
 * A territorial admin designates an EPCI of its région as a zone rouge (confirmed, sourced to
 * its organization's decision), or an admin anywhere. Designating twice updates the record.
 */
export async function designateZoneRouge(ctx: RequestContext, input: DesignationInput): Promise<ZoneRouge> {
  const caller = requireKey(ctx.caller);
  const designatedOn = input.designatedOn ?? ZONES_ROUGES_LIST_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(designatedOn)) throw new BadUserInputError(`designatedOn must be YYYY-MM-DD (received "${designatedOn}")`);
  await ctx.writer.transaction(async (m) => {
    const [epci] = await sql<{ siren: string }>(m, "SELECT siren FROM epci WHERE siren = ?", [input.siren]);
    if (!epci) throw new NotFoundError(`EPCI ${input.siren} does not exist`);
    await requireTerritorialAuthority(m, caller, input.siren);
    const before = await current(m, input.siren);
    const sourceId = `designation-${caller.organizationId}`.slice(0, 80);
    const [organization] = await sql<{ name: string }>(m, "SELECT name FROM organization WHERE id = ?", [caller.organizationId]);
    await sql(
      m,
      `INSERT INTO source (id, producer, title, vintage, vintage_inferred, note, url, licence) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)
       ON CONFLICT (id) DO NOTHING`,
      [sourceId, organization?.name ?? caller.organizationId, "Designation recorded through the territoire-santé API", designatedOn, bool(m, false)],
    );
    await sql(
      m,
      `INSERT INTO zone_rouge (epci_siren, designated_on, programme, confirmed, note, source_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (epci_siren) DO UPDATE SET designated_on = excluded.designated_on, programme = excluded.programme,
         confirmed = excluded.confirmed, note = excluded.note, source_id = excluded.source_id`,
      [input.siren, designatedOn, ZONES_ROUGES_PROGRAMME, bool(m, true), input.note ?? null, sourceId],
    );
    await audit(m, caller, "designateZoneRouge", "zone_rouge", input.siren, before, await current(m, input.siren));
  });
  return (await ctx.loaders.zoneRouge.byEpci.clear(input.siren).load(input.siren))!;
}

/** Removes a designation (territorial admin of the région, or admin). */
export async function revokeZoneRouge(ctx: RequestContext, siren: string): Promise<boolean> {
  const caller = requireKey(ctx.caller);
  await ctx.writer.transaction(async (m) => {
    const before = await current(m, siren);
    if (!before) throw new NotFoundError(`EPCI ${siren} is not a zone rouge`);
    await requireTerritorialAuthority(m, caller, siren);
    await sql(m, "DELETE FROM zone_rouge WHERE epci_siren = ?", [siren]);
    await audit(m, caller, "revokeZoneRouge", "zone_rouge", siren, before, null);
  });
  ctx.loaders.zoneRouge.byEpci.clear(siren);
  return true;
}
