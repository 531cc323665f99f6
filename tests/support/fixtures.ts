import type { EntityManager } from "typeorm";
import type { Database } from "../../src/db/database";
import { isPostgres, sql } from "../../src/db/sql-dialect";
import type { Attachment } from "../../src/db/rows/initiative-place.rows";
import { placesOf } from "../../src/services/initiatives/initiative-places";

/** Writes an initiative straight into the tables (for volume tests), with its places and carriers. */
export async function insertInitiative(
  db: Database | EntityManager,
  initiative: { id: string; title: string; kind: string; carriers: string[]; places: Attachment[] },
): Promise<void> {
  const bool = (b: boolean) => (isPostgres(db) ? b : b ? 1 : 0);
  await sql(
    db,
    "INSERT INTO initiative (id, title, kind, summary, status, version, archived, created_at, updated_at) VALUES (?, ?, ?, 'test fixture', 'running', 1, ?, ?, ?)",
    [initiative.id, initiative.title, initiative.kind, bool(false), "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
  );
  for (const place of await placesOf(db, initiative.id, initiative.places)) {
    await sql(db, "INSERT INTO initiative_place (initiative_id, level, code, direct) VALUES (?, ?, ?, ?)", [
      place.initiative_id,
      place.level,
      place.code,
      bool(place.direct),
    ]);
  }
  for (const carrier of initiative.carriers) {
    await sql(db, "INSERT INTO initiative_carrier (initiative_id, organization_id) VALUES (?, ?)", [initiative.id, carrier]);
  }
}
