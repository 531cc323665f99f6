import type { EpciFilter } from "../../resolvers/territories/epci.input";
import { EpciOrder } from "../../resolvers/territories/epci.input";
import { toSearchText } from "../../db/search-text";

/** SQL conditions (with `?` markers) on the EPCI aliased `e`, and their parameters. */
export interface SqlCondition {
  where: string[];
  params: unknown[];
}

/** Translates an EpciFilter into conditions on `epci e`; territorial ones use EXISTS, so rows never repeat. */
export function epciFilterSql(filter: EpciFilter | undefined | null): SqlCondition {
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

const APL_OF_EPCI = "(SELECT fa.value FROM apl_aggregate fa WHERE fa.level = 'EPCI' AND fa.code = e.siren)";

export function epciOrderSql(order: EpciOrder | undefined | null): string {
  switch (order ?? EpciOrder.NAME) {
    case EpciOrder.POPULATION_DESC: return "e.population DESC, e.siren";
    case EpciOrder.POPULATION_ASC: return "e.population ASC, e.siren";
    case EpciOrder.SIREN: return "e.siren";
    // EPCI without APL (Mayotte) come last either way.
    case EpciOrder.APL_ASC: return `CASE WHEN ${APL_OF_EPCI} IS NULL THEN 1 ELSE 0 END, ${APL_OF_EPCI} ASC, e.siren`;
    case EpciOrder.APL_DESC: return `CASE WHEN ${APL_OF_EPCI} IS NULL THEN 1 ELSE 0 END, ${APL_OF_EPCI} DESC, e.siren`;
    default: return "e.search_name, e.siren";
  }
}
