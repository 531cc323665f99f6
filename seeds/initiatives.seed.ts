import type { DataSource, EntityManager } from "typeorm";
import { markers, sql } from "../src/db/sql-dialect";
import type { Attachment } from "../src/db/rows/initiative-place.rows";
import { placesOf } from "../src/services/initiatives/initiative-places";
import { toSearchText } from "../src/db/search-text";
import { syncTable, type Row, type SyncCounts } from "./lib/sync-table";
import { INITIATIVES, INITIATIVE_SOURCES, ORGANIZATIONS, type PlaceSeed } from "./data/domain-initiatives";
import { upsertSources } from "./sources.seed";

/** When the seeded initiatives were recorded: fixed, so that re-seeding changes nothing. */
const RECORDED_AT = "2025-11-25T00:00:00.000Z";

/** Matches an EPCI name as a report writes it to exactly one SIREN, or fails loudly. */
async function sirenOfName(manager: EntityManager, name: string): Promise<string> {
  const rows = await sql<{ siren: string }>(manager, "SELECT siren FROM epci WHERE search_name = ?", [toSearchText(name)]);
  if (rows.length !== 1) throw new Error(`EPCI name "${name}" matches ${rows.length} EPCI, expected exactly one`);
  return rows[0].siren;
}

async function attachmentsOf(manager: EntityManager, place: PlaceSeed): Promise<Attachment[]> {
  if ("region" in place) return [{ level: "REGION", code: place.region }];
  if ("department" in place) return [{ level: "DEPARTMENT", code: place.department }];
  if ("commune" in place) return [{ level: "COMMUNE", code: place.commune }];
  if ("epciNamed" in place) return [{ level: "EPCI", code: await sirenOfName(manager, place.epciNamed) }];
  const zones = await sql<{ epci_siren: string }>(
    manager,
    "SELECT DISTINCT z.epci_siren FROM zone_rouge z JOIN epci_department ed ON ed.epci_siren = z.epci_siren WHERE z.confirmed = TRUE AND ed.department_code = ? ORDER BY z.epci_siren",
    [place.zonesRougesOfDepartment],
  );
  if (zones.length === 0) throw new Error(`no confirmed zone rouge in département ${place.zonesRougesOfDepartment}: load the zones rouges first`);
  return zones.map((z) => ({ level: "EPCI", code: z.epci_siren }));
}

/** Organizations and initiatives named in the 2025 reports. Needs territories and zones rouges loaded. */
export async function seedInitiatives(db: DataSource): Promise<Record<string, SyncCounts>> {
  return db.transaction(async (manager) => {
    await upsertSources(manager, Object.values(INITIATIVE_SOURCES));
    const organizations = await syncTable(
      manager,
      ORGANIZATIONS.map((o) => ({ id: o.id, name: o.name, kind: o.kind, region_code: o.regionCode ?? null })),
      { table: "organization", key: ["id"], columns: ["id", "name", "kind", "region_code"] },
    );
    // A seeded initiative is written once: afterwards its carriers may change it (version > 1),
    // and a new seed run must not undo their changes.
    const allIds = INITIATIVES.map((i) => i.id);
    const present = new Set(
      (await sql<{ id: string }>(manager, `SELECT id FROM initiative WHERE id IN (${markers(allIds.length)})`, allIds)).map((r) => r.id),
    );
    const missing = INITIATIVES.filter((i) => !present.has(i.id));
    const initiatives: Row[] = [];
    const carriers: Row[] = [];
    const places: Row[] = [];
    for (const seed of missing) {
      initiatives.push({
        id: seed.id,
        title: seed.title,
        kind: seed.kind,
        summary: seed.summary,
        started_on: seed.startedOn ?? null,
        status: seed.status,
        source_id: INITIATIVE_SOURCES[seed.source].id,
        owner_id: seed.carriers[0] ?? null,
        version: 1,
        archived: false,
        created_at: RECORDED_AT,
        updated_at: RECORDED_AT,
      });
      for (const organizationId of seed.carriers) carriers.push({ initiative_id: seed.id, organization_id: organizationId });
      const attachments = (await Promise.all(seed.places.map((p) => attachmentsOf(manager, p)))).flat();
      places.push(...(await placesOf(manager, seed.id, attachments)));
    }
    const written = await syncTable(manager, initiatives, {
      table: "initiative",
      key: ["id"],
      columns: ["id", "title", "kind", "summary", "started_on", "status", "source_id", "owner_id", "version", "archived", "created_at", "updated_at"],
    });
    await syncTable(manager, carriers, { table: "initiative_carrier", key: ["initiative_id", "organization_id"], columns: ["initiative_id", "organization_id"] });
    await syncTable(manager, places, { table: "initiative_place", key: ["initiative_id", "level", "code"], columns: ["initiative_id", "level", "code", "direct"] });
    return { organization: organizations, initiative: { ...written, unchanged: present.size } };
  });
}
