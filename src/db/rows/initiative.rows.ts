import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { InitiativeKind } from "../../entities/initiatives/initiative-kind";

/** Columns of `initiative i` that make an Initiative. */
export const INITIATIVE_COLUMNS =
  "i.id, i.title, i.kind, i.summary, i.started_on, i.status, i.source_id, i.owner_id, i.version, i.archived, i.created_at, i.updated_at";

export function toInitiative(row: Record<string, unknown>): Initiative {
  const initiative = new Initiative();
  initiative.id = String(row.id);
  initiative.title = String(row.title);
  initiative.kind = String(row.kind) as InitiativeKind;
  initiative.summary = String(row.summary);
  initiative.startedOn = row.started_on === null ? null : String(row.started_on);
  initiative.status = String(row.status);
  initiative.sourceId = row.source_id === null ? null : String(row.source_id);
  initiative.ownerId = row.owner_id === null ? null : String(row.owner_id);
  initiative.version = Number(row.version);
  initiative.archived = row.archived === true || row.archived === 1;
  initiative.createdAt = String(row.created_at);
  initiative.updatedAt = String(row.updated_at);
  return initiative;
}
