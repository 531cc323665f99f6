import { sql } from "../../db/sql-dialect";
import type { SasDepartmentStatus } from "../../entities/care-offer/sas-department-status.type";
import { SAS_STATUS_READ, toSasStatus } from "../../db/rows/sas-department-status.rows";
import { BATCHED, type Batching, batchLoader, oneByKey, selectWhereIn } from "../shared/batch";
import type { SqlTarget } from "../../db/sql-target";

/** Zones rouges held in one région: all, and confirmed ones. */
export interface ZoneCounts {
  known: number;
  confirmed: number;
}

/** The key of the one batch that counts every zone (the counts of all régions come from one statement). */
export const ALL = "all";

export function createCoverageLoaders(db: SqlTarget, batching: Batching = BATCHED) {
  return {
    /**
     * Zones rouges per région, each counted once, in the région holding most of its population
     * (an EPCI straddling two régions counts where the sources count it), keyed by région code.
     */
    zonesByRegion: batchLoader<string, Map<string, ZoneCounts>>("coverage.zonesByRegion", async (keys) => {
      const rows = await sql<{ epci_siren: string; confirmed: unknown; region_code: string; population: unknown }>(
        db,
        `SELECT z.epci_siren, z.confirmed, c.region_code, SUM(c.population) AS population FROM zone_rouge z
         JOIN epci_commune ec ON ec.epci_siren = z.epci_siren JOIN commune c ON c.code = ec.commune_code
         GROUP BY z.epci_siren, z.confirmed, c.region_code ORDER BY z.epci_siren, c.region_code`,
      );
      const home = new Map<string, { region: string; population: number; confirmed: boolean }>();
      for (const r of rows) {
        const population = Number(r.population);
        const best = home.get(r.epci_siren);
        if (!best || population > best.population) home.set(r.epci_siren, { region: r.region_code, population, confirmed: r.confirmed === true || r.confirmed === 1 });
      }
      const counts = new Map<string, ZoneCounts>();
      for (const { region, confirmed } of home.values()) {
        const c = counts.get(region) ?? { known: 0, confirmed: 0 };
        c.known++;
        if (confirmed) c.confirmed++;
        counts.set(region, c);
      }
      return keys.map(() => counts);
    }, batching),
    /** What pages state about each département's own SAS. */
    sasStatus: batchLoader<string, SasDepartmentStatus | null>("coverage.sasStatus", async (codes) => {
      const rows = await selectWhereIn<Record<string, unknown>>(db, `SELECT department_code, ${SAS_STATUS_READ.select} FROM sas_department_status WHERE department_code IN ({keys})`, codes);
      return oneByKey(codes, rows, (r) => String(r.department_code)).map((r) => (r ? toSasStatus(r) : null));
    }, batching),
  };
}
