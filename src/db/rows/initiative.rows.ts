import { Initiative } from "../../entities/initiatives/initiative.entity";
import type { InitiativeKind } from "../../entities/initiatives/initiative-kind";
import { tableRead } from "./table-read";

/** The columns of `initiative i` that make an Initiative. */
export const INITIATIVE_READ = tableRead(
  "initiative",
  "i",
  ["id", "title", "kind", "summary", "started_on", "status", "source_id", "owner_id", "version", "archived", "created_at", "updated_at"],
  { client_mutation_id: "the partner's idempotency key of the write that created it (unique per owner); never shown" },
);
export const INITIATIVE_COLUMNS = INITIATIVE_READ.select;

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
