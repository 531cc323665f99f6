import type { EpciKind } from "../../entities/territories/epci-kind";
import { toSearchText } from "../search-text";

/** Conditions an EPCI must meet, all of them (the GraphQL input EpciFilter implements it). */
export interface EpciFilterInput {
  regionCode?: string | null;
  departmentCode?: string | null;
  kinds?: EpciKind[] | null;
  nameContains?: string | null;
  minPopulation?: number | null;
  maxPopulation?: number | null;
  /** true: only confirmed zones rouges; false: only EPCI that are not. */
  zoneRouge?: boolean | null;
  maxApl?: number | null;
}

/** SQL conditions (with `?` markers) on the EPCI aliased `e`, and their parameters. */
export interface SqlCondition {
  where: string[];
  params: unknown[];
}

/** Translates an EpciFilterInput into conditions on `epci e`; territorial ones use EXISTS, so rows never repeat. */
export function epciFilterSql(filter: EpciFilterInput | undefined | null): SqlCondition {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter) return { where, params };
  if (filter.regionCode !== undefined && filter.regionCode !== null) {
    where.push(
      "EXISTS (SELECT 1 FROM epci_department fd JOIN department fdd ON fdd.code = fd.department_code WHERE fd.epci_siren = e.siren AND fdd.region_code = ?)",
    );
    params.push(filter.regionCode);
  }
  if (filter.departmentCode !== undefined && filter.departmentCode !== null) {
    where.push("EXISTS (SELECT 1 FROM epci_department fd WHERE fd.epci_siren = e.siren AND fd.department_code = ?)");
    params.push(filter.departmentCode);
  }
  if (filter.kinds && filter.kinds.length > 0) {
    where.push(`e.kind IN (${filter.kinds.map(() => "?").join(", ")})`);
    params.push(...filter.kinds);
  }
  if (filter.nameContains) {
    where.push("e.search_name LIKE ?");
    params.push(`%${toSearchText(filter.nameContains)}%`);
  }
  if (filter.minPopulation !== undefined && filter.minPopulation !== null) {
    where.push("e.population >= ?");
    params.push(filter.minPopulation);
  }
  if (filter.maxPopulation !== undefined && filter.maxPopulation !== null) {
    where.push("e.population <= ?");
    params.push(filter.maxPopulation);
  }
  if (filter.zoneRouge !== undefined && filter.zoneRouge !== null) {
    // Zones rouges are care-offer data; the shared database lets the territories subgraph filter on them.
    where.push(`${filter.zoneRouge ? "" : "NOT "}EXISTS (SELECT 1 FROM zone_rouge fz WHERE fz.epci_siren = e.siren AND fz.confirmed = TRUE)`);
  }
  if (filter.maxApl !== undefined && filter.maxApl !== null) {
    where.push(`${APL_OF_EPCI} <= ?`);
    params.push(filter.maxApl);
  }
  return { where, params };
}

/** APL to GPs of the EPCI aliased `e` (null where DREES gives none). */
export const APL_OF_EPCI = "(SELECT fa.value FROM apl_aggregate fa WHERE fa.level = 'EPCI' AND fa.code = e.siren)";
