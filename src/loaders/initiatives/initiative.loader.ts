import type { Initiative } from "../../entities/initiatives/initiative.entity";
import type { Organization } from "../../entities/initiatives/organization.entity";
import { INITIATIVE_COLUMNS, toInitiative } from "../../db/rows/initiative.rows";
import type { PlaceLevel } from "../../db/rows/initiative-place.rows";
import { ORGANIZATION_COLUMNS, ORGANIZATION_READ, toOrganization } from "../../db/rows/organization.rows";
import { type InitiativeFilterInput, initiativeFilterSql } from "../../db/filters/initiative.filter";
import { isPostgres } from "../../db/sql-dialect";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

/** A direct attachment of an initiative. */
export interface Place {
  level: PlaceLevel;
  code: string;
}

/** What `initiative.byPlace` is asked with: a level, a filter, and whether the carriers are read too. */
export interface PlaceQuery {
  level: PlaceLevel;
  filter: InitiativeFilterInput | null;
  /** Read each initiative's carriers in the same statement (the query asks for them). */
  carriers?: boolean;
}

const CARRIER_OBJECT = ORGANIZATION_READ.columns.map((c) => `'${c}', o.${c}`).join(", ");

/** Each initiative's carriers as one JSON array column, ordered by name as `initiative.carriers` orders them. */
function carriersColumn(db: SqlTarget): string {
  const from = "FROM initiative_carrier c JOIN organization o ON o.id = c.organization_id WHERE c.initiative_id = i.id";
  return isPostgres(db)
    ? `(SELECT COALESCE(json_agg(json_build_object(${CARRIER_OBJECT}) ORDER BY o.name), '[]') ${from}) AS carriers_json`
    : `(SELECT json_group_array(json_object(${CARRIER_OBJECT}) ORDER BY o.name) ${from}) AS carriers_json`;
}

export function createInitiativeLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  const carriers = batchLoader<string, Organization[]>("initiative.carriers", async (ids) => {
    const rows = await selectWhereIn<Record<string, unknown>>(
      db,
      `SELECT c.initiative_id AS parent_key, ${ORGANIZATION_COLUMNS} FROM initiative_carrier c
       JOIN organization o ON o.id = c.organization_id WHERE c.initiative_id IN ({keys}) ORDER BY o.name`,
      ids,
    );
    return manyByKey(ids, rows, (r) => String(r.parent_key)).map((list) => list.map(toOrganization));
  }, batching);

  return {
    byId: batchLoader<string, Initiative | null>("initiative.byId", async (ids) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.id IN ({keys})`, ids);
      return oneByKey(ids, rows.map(toInitiative), (i) => i.id);
    }, batching),
    /**
     * Initiatives that run in each territory of a level (attached to it or to a place inside it),
     * filtered; with `carriers`, their carriers come in the same statement and fill `carriers`.
     */
    byPlace: new LoaderFamily<PlaceQuery, string, Initiative[]>(
      ({ level, filter, carriers: withCarriers }) =>
        batchLoader("initiative.byPlace", async (codes) => {
          const condition = initiativeFilterSql(filter);
          const rows = await selectWhereIn<Record<string, unknown>>(
            db,
            `SELECT p.code AS parent_key, ${INITIATIVE_COLUMNS}${withCarriers ? `, ${carriersColumn(db)}` : ""}
             FROM initiative_place p JOIN initiative i ON i.id = p.initiative_id
             WHERE p.level = ? AND p.code IN ({keys})${condition.where.map((w) => ` AND ${w}`).join("")}
             ORDER BY i.title, i.id`,
            codes,
            [level, ...condition.params],
          );
          if (withCarriers) {
            for (const row of rows) {
              // PostgreSQL hands json back parsed, SQLite as text.
              const list = (typeof row.carriers_json === "string" ? JSON.parse(row.carriers_json) : row.carriers_json) as Record<string, unknown>[];
              carriers.prime(String(row.id), list.map(toOrganization));
            }
          }
          return manyByKey(codes, rows, (r) => String(r.parent_key)).map((list) => list.map(toInitiative));
        }, batching),
      // Asked once per territory of a page: most often without a filter, named without JSON.
      ({ level, filter, carriers: withCarriers }) => `${level}${withCarriers ? " carriers" : ""}${filter === null ? "" : ` ${JSON.stringify(filter)}`}`,
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
    carriers,
  };
}
