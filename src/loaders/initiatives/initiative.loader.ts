import type { DataSource } from "typeorm";
import type { Initiative } from "../../entities/initiatives/initiative.entity";
import type { Organization } from "../../entities/initiatives/organization.entity";
import { INITIATIVE_COLUMNS, toInitiative } from "../../db/rows/initiative.rows";
import type { PlaceLevel } from "../../db/rows/initiative-place.rows";
import { toOrganization } from "../../db/rows/organization.rows";
import { type InitiativeFilterInput, initiativeFilterSql } from "../../db/filters/initiative.filter";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";

/** A direct attachment of an initiative. */
export interface Place {
  level: PlaceLevel;
  code: string;
}

export function createInitiativeLoaders(db: DataSource, batching: Batching = BATCHED) {
  return {
    byId: batchLoader<string, Initiative | null>("initiative.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.id IN ({keys})`, ids);
      return oneByKey(ids, rows.map(toInitiative), (i) => i.id);
    }, batching),
    /** Initiatives that run in each territory of a level (attached to it or to a place inside it), filtered. */
    byPlace: new LoaderFamily<{ level: PlaceLevel; filter: InitiativeFilterInput | null }, string, Initiative[]>(
      ({ level, filter }) =>
        batchLoader("initiative.byPlace", async (codes) => {
          const condition = initiativeFilterSql(filter);
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT p.code AS parent_key, ${INITIATIVE_COLUMNS} FROM initiative_place p JOIN initiative i ON i.id = p.initiative_id
             WHERE p.level = ? AND p.code IN ({keys})${condition.where.map((w) => ` AND ${w}`).join("")}
             ORDER BY i.title, i.id`,
            codes,
            [level, ...condition.params],
          );
          return manyByKey(codes, rows, (r) => String(r.parent_key)).map((list) => list.map(toInitiative));
        }, batching),
    ),
    /** Territories each initiative is directly attached to. */
    places: batchLoader<string, Place[]>("initiative.places", async (ids) => {
      const rows = await selectWhereIn<{ initiative_id: string; level: PlaceLevel; code: string }>(
        db,
        "SELECT initiative_id, level, code FROM initiative_place WHERE direct = TRUE AND initiative_id IN ({keys}) ORDER BY level, code",
        ids,
      );
      return manyByKey(ids, rows, (r) => r.initiative_id).map((list) => list.map((r) => ({ level: r.level, code: r.code })));
    }, batching),
    /** Régions each initiative lies in, direct or derived (to answer `region` when they are all one). */
    regions: batchLoader<string, string[]>("initiative.regions", async (ids) => {
      const rows = await selectWhereIn<{ initiative_id: string; code: string }>(
        db,
        "SELECT initiative_id, code FROM initiative_place WHERE level = 'REGION' AND initiative_id IN ({keys}) ORDER BY code",
        ids,
      );
      return manyByKey(ids, rows, (r) => r.initiative_id).map((list) => list.map((r) => r.code));
    }, batching),
    /** Initiatives each organization carries (archived ones left out). */
    byCarrier: batchLoader<string, Initiative[]>("initiative.byCarrier", async (organizationIds) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT c.organization_id AS parent_key, ${INITIATIVE_COLUMNS} FROM initiative_carrier c JOIN initiative i ON i.id = c.initiative_id
         WHERE c.organization_id IN ({keys}) AND i.archived = FALSE ORDER BY i.title, i.id`,
        organizationIds,
      );
      return manyByKey(organizationIds, rows, (r) => String(r.parent_key)).map((list) => list.map(toInitiative));
    }, batching),
    carriers: batchLoader<string, Organization[]>("initiative.carriers", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(
        db,
        `SELECT c.initiative_id AS parent_key, o.id, o.name, o.kind, o.region_code FROM initiative_carrier c
         JOIN organization o ON o.id = c.organization_id WHERE c.initiative_id IN ({keys}) ORDER BY o.name`,
        ids,
      );
      return manyByKey(ids, rows, (r) => String(r.parent_key)).map((list) => list.map(toOrganization));
    }, batching),
  };
}
