import type { Epci } from "../../entities/territories/epci.entity";
import type { ZoneRouge } from "../../entities/care-offer/zone-rouge.entity";
import { EPCI_COLUMNS, toEpci } from "../../db/rows/epci.rows";
import { ZONE_ROUGE_COLUMNS, toZoneRouge } from "../../db/rows/zone-rouge.rows";
import { BATCHED, type Batching, batchLoader, LoaderFamily, manyByKey, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

/**
 * Called with each EPCI a zone query read anyway (it joins the EPCI to order by population),
 * so that the EPCI loader need not read it again: the zones' names and populations come next.
 */
export type SeenEpci = (epci: Epci) => void;

/** Zones rouges of a territory: by default only confirmed designations. */
function zonesWithin(db: SqlTarget, parent: "ed.department_code" | "d.region_code", includeUnconfirmed: boolean, batching: Batching, seen: SeenEpci) {
  return batchLoader<string, ZoneRouge[]>(parent === "d.region_code" ? "zoneRouge.byRegion" : "zoneRouge.byDepartment", async (codes) => {
    const join = parent === "d.region_code" ? "JOIN department d ON d.code = ed.department_code" : "";
    const rows = await selectWhereIn<Record<string, unknown>>(
      db,
      `SELECT DISTINCT ${parent} AS parent_key, ${ZONE_ROUGE_COLUMNS}, ${EPCI_COLUMNS} FROM zone_rouge z
       JOIN epci e ON e.siren = z.epci_siren
       JOIN epci_department ed ON ed.epci_siren = z.epci_siren ${join}
       WHERE ${parent} IN ({keys})${includeUnconfirmed ? "" : " AND z.confirmed = TRUE"}
       ORDER BY e.population DESC, z.epci_siren`,
      codes,
    );
    for (const row of rows) seen(toEpci(row));
    return manyByKey(codes, rows, (r) => String(r.parent_key)).map((list) => list.map(toZoneRouge));
  }, batching);
}

export function createZoneRougeLoaders(db: SqlTarget, batching: Batching = BATCHED, seen: SeenEpci = () => {}) {
  return {
    byEpci: batchLoader<string, ZoneRouge | null>("zoneRouge.byEpci", async (sirens) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT ${ZONE_ROUGE_COLUMNS} FROM zone_rouge z WHERE z.epci_siren IN ({keys})`, sirens);
      return oneByKey(sirens, rows.map(toZoneRouge), (z) => z.epciSiren);
    }, batching),
    byRegion: new LoaderFamily<boolean, string, ZoneRouge[]>((includeUnconfirmed) => zonesWithin(db, "d.region_code", includeUnconfirmed, batching, seen)),
    byDepartment: new LoaderFamily<boolean, string, ZoneRouge[]>((includeUnconfirmed) => zonesWithin(db, "ed.department_code", includeUnconfirmed, batching, seen)),
  };
}
