import { randomUUID } from "node:crypto";
import { requireKey, requireOwner } from "../../auth/authorization";
import type { RequestContext } from "../../context/request-context";
import type { Initiative } from "../../entities/initiatives/initiative.entity";
import type { InitiativeKind } from "../../entities/initiatives/initiative-kind";
import { bool, markers, sql } from "../../db/sql-dialect";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors/errors";
import { INITIATIVE_COLUMNS, toInitiative } from "../../db/rows/initiative.rows";
import type { Attachment } from "../../db/rows/initiative-place.rows";
import { audit } from "../shared/audit.service";
import { placesOf } from "./initiative-places";
import type { SqlRunner } from "../../db/sql-dialect";

/** A new initiative of the caller's organization (the GraphQL input CreateInitiativeInput implements it). */
export interface NewInitiative {
  title: string;
  kind: InitiativeKind;
  summary: string;
  startedOn?: string | null;
  status: string;
  /** Territories it runs in; empty for a national initiative. */
  places: Attachment[];
  /** Other carrying organizations (the caller's own always carries it). */
  carrierIds?: string[] | null;
  /** The client's id of the request: a retry with the same one returns the initiative already created. */
  clientMutationId?: string | null;
}

/** Changes to an initiative at a version; fields left out keep their value (UpdateInitiativeInput implements it). */
export interface InitiativeChanges {
  id: string;
  version: number;
  title?: string | null;
  kind?: InitiativeKind | null;
  summary?: string | null;
  startedOn?: string | null;
  status?: string | null;
  /** Replace the territories. */
  places?: Attachment[] | null;
}

async function loadInitiative(m: SqlRunner, id: string): Promise<Initiative | null> {
  const [row] = await sql<Record<string, unknown>>(m, `SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.id = ?`, [id]);
  return row ? toInitiative(row) : null;
}

async function writePlaces(m: SqlRunner, id: string, places: Attachment[]): Promise<void> {
  const rows = await placesOf(m, id, places.map((p) => ({ level: p.level, code: p.code })));
  await sql(m, "DELETE FROM initiative_place WHERE initiative_id = ?", [id]);
  if (rows.length === 0) return;
  // One statement for all places (at most 200 given, with the EPCI, départements and régions they imply).
  await sql(
    m,
    `INSERT INTO initiative_place (initiative_id, level, code, direct) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
    rows.flatMap((p) => [id, p.level, p.code, bool(m, p.direct)]),
  );
}

/** The initiative as the API returns it, and as the audit log records it (with its direct places and carriers). */
async function snapshot(m: SqlRunner, id: string) {
  const initiative = await loadInitiative(m, id);
  if (!initiative) return null;
  const places = await sql<{ level: string; code: string }>(m, "SELECT level, code FROM initiative_place WHERE initiative_id = ? AND direct = TRUE ORDER BY level, code", [id]);
  const carriers = await sql<{ organization_id: string }>(m, "SELECT organization_id FROM initiative_carrier WHERE initiative_id = ? ORDER BY organization_id", [id]);
  return { initiative, record: { ...initiative, places, carriers: carriers.map((c) => c.organization_id) } };
}

/**
 * Records an initiative of the caller's organization (its owner and first carrier), in the
 * territories given, in one transaction with its audit record. A retry carrying the same
 * clientMutationId returns the initiative created the first time.
 */
export async function createInitiative(ctx: RequestContext, input: NewInitiative): Promise<Initiative> {
  const caller = requireKey(ctx.caller);
  const carriers = [...new Set([caller.organizationId, ...(input.carrierIds ?? [])])];
  return ctx.writer.transaction(async (m) => {
    if (input.clientMutationId) {
      const [existing] = await sql<{ id: string }>(m, "SELECT id FROM initiative WHERE owner_id = ? AND client_mutation_id = ?", [caller.organizationId, input.clientMutationId]);
      if (existing) return (await loadInitiative(m, existing.id))!;
    }
    const known = await sql<{ id: string }>(m, `SELECT id FROM organization WHERE id IN (${markers(carriers.length)})`, carriers);
    const unknown = carriers.filter((c) => !known.some((k) => k.id === c));
    if (unknown.length > 0) throw new BadUserInputError(`unknown organization(s) in carrierIds: ${unknown.join(", ")}`);
    const id = randomUUID();
    const now = new Date().toISOString();
    await sql(
      m,
      `INSERT INTO initiative (id, title, kind, summary, started_on, status, source_id, owner_id, version, archived, created_at, updated_at, client_mutation_id)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 1, ?, ?, ?, ?)`,
      [id, input.title, input.kind, input.summary, input.startedOn ?? null, input.status, caller.organizationId, bool(m, false), now, now, input.clientMutationId ?? null],
    );
    await sql(m, `INSERT INTO initiative_carrier (initiative_id, organization_id) VALUES ${carriers.map(() => "(?, ?)").join(", ")}`, carriers.flatMap((o) => [id, o]));
    await writePlaces(m, id, input.places);
    const after = (await snapshot(m, id))!;
    await audit(m, caller, "createInitiative", "initiative", id, null, after.record);
    return after.initiative;
  });
}

/** Changes an initiative if `version` is still the current one (optimistic concurrency): otherwise CONFLICT, nothing changed. */
export async function updateInitiative(ctx: RequestContext, input: InitiativeChanges): Promise<Initiative> {
  const caller = requireKey(ctx.caller);
  return ctx.writer.transaction(async (m) => {
    const before = (await snapshot(m, input.id))?.record;
    if (!before) throw new NotFoundError(`initiative ${input.id} does not exist`);
    requireOwner(caller, before.ownerId, `initiative ${input.id}`);
    const changes: [string, unknown][] = (
      [
        ["title", input.title],
        ["kind", input.kind],
        ["summary", input.summary],
        ["started_on", input.startedOn],
        ["status", input.status],
      ] as [string, unknown][]
    ).filter(([, v]) => v !== undefined && v !== null);
    const set = [...changes.map(([c]) => `${c} = ?`), "version = version + 1", "updated_at = ?"].join(", ");
    // The version check and the change are one statement: of two concurrent updates, one matches.
    const updated = await sql<{ id: string }>(
      m,
      `UPDATE initiative SET ${set} WHERE id = ? AND version = ? RETURNING id`,
      [...changes.map(([, v]) => v), new Date().toISOString(), input.id, input.version],
    );
    if (updated.length === 0) {
      throw new ConflictError(`initiative ${input.id} was changed since version ${input.version} (now version ${before.version}): read it again and retry`, {
        currentVersion: before.version,
      });
    }
    if (input.places) await writePlaces(m, input.id, input.places);
    const after = (await snapshot(m, input.id))!;
    await audit(m, caller, "updateInitiative", "initiative", input.id, before, after.record);
    return after.initiative;
  });
}

/** Archives an initiative (kept for the record, left out of lists), with the same version check. */
export async function archiveInitiative(ctx: RequestContext, id: string, version: number): Promise<Initiative> {
  const caller = requireKey(ctx.caller);
  return ctx.writer.transaction(async (m) => {
    const before = (await snapshot(m, id))?.record;
    if (!before) throw new NotFoundError(`initiative ${id} does not exist`);
    requireOwner(caller, before.ownerId, `initiative ${id}`);
    const updated = await sql<{ id: string }>(
      m,
      "UPDATE initiative SET archived = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING id",
      [bool(m, true), new Date().toISOString(), id, version],
    );
    if (updated.length === 0) {
      throw new ConflictError(`initiative ${id} was changed since version ${version} (now version ${before.version}): read it again and retry`, {
        currentVersion: before.version,
      });
    }
    const after = (await snapshot(m, id))!;
    await audit(m, caller, "archiveInitiative", "initiative", id, before, after.record);
    return after.initiative;
  });
}
