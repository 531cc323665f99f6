import { sql } from "../db/sql-dialect";
import { ForbiddenError, UnauthenticatedError } from "../errors/errors";
import { type Caller, Role } from "./caller";
import type { SqlRunner } from "../db/sql-dialect";

/** A caller holding a key. */
export type KeyCaller = Extract<Caller, { kind: "key" }>;

/** Every write needs a key, and one that may write: an embed key only reads. */
export function requireKey(caller: Caller): KeyCaller {
  if (caller.kind !== "key") throw new UnauthenticatedError("Writes need an API key: send 'Authorization: Bearer <key>'");
  if (caller.role === Role.EMBED) throw new ForbiddenError("An embed key only reads: writes need a partner, territorial-admin or admin key");
  return caller;
}

/** Partners change only what their own organization recorded; admins change anything. */
export function requireOwner(caller: KeyCaller, ownerId: string | null, what: string): void {
  if (caller.role === Role.ADMIN) return;
  if (ownerId !== caller.organizationId) {
    throw new ForbiddenError(`${what} belongs to another organization: only its owner (or an admin) may change it`);
  }
}

/** Régions an EPCI has member communes in. */
export async function regionsOfEpci(db: SqlRunner, siren: string): Promise<string[]> {
  const rows = await sql<{ region_code: string }>(
    db,
    "SELECT DISTINCT d.region_code FROM epci_department ed JOIN department d ON d.code = ed.department_code WHERE ed.epci_siren = ?",
    [siren],
  );
  return rows.map((r) => r.region_code);
}

/**
 * Zone rouge designations and zone needs: territorial admins (an ARS, the State) act on EPCI
 * of their région only; admins everywhere; partners never.
 */
export async function requireTerritorialAuthority(db: SqlRunner, caller: KeyCaller, siren: string): Promise<void> {
  if (caller.role === Role.ADMIN) return;
  if (caller.role !== Role.TERRITORIAL_ADMIN) {
    throw new ForbiddenError("Only a territorial admin (an ARS or the State) or an admin may do this");
  }
  const regions = await regionsOfEpci(db, siren);
  if (!caller.regionCode || !regions.includes(caller.regionCode)) {
    throw new ForbiddenError(`EPCI ${siren} is not in your région (${caller.regionCode ?? "none"})`);
  }
}
