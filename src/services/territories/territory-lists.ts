import { APL_OF_EPCI } from "../../db/filters/epci.filter";
import type { ProfessionalSource } from "../../entities/shared/professional-source";

/** Conditions a département must meet, all of them (the GraphQL input DepartmentFilter implements it). */
export interface DepartmentFilterInput {
  regionCode?: string | null;
  nameContains?: string | null;
  gpDensityBelow?: number | null;
  gpDensityAtLeast?: number | null;
  /** Producer of the GP densities the density filters and orders use (DREES_RPPS by default). */
  gpDensitySource?: ProfessionalSource | null;
  /** That producer's vintage; the latest by default. */
  gpDensityVintage?: string | null;
}

/** Orders of the département list (registered as the GraphQL enum DepartmentOrder by its resolver). */
export enum DepartmentOrder {
  CODE = "CODE",
  NAME = "NAME",
  POPULATION_DESC = "POPULATION_DESC",
  GP_DENSITY_ASC = "GP_DENSITY_ASC",
  GP_DENSITY_DESC = "GP_DENSITY_DESC",
}

/** Orders of an EPCI list (registered as the GraphQL enum EpciOrder by its resolver). */
export enum EpciOrder {
  NAME = "NAME",
  POPULATION_DESC = "POPULATION_DESC",
  POPULATION_ASC = "POPULATION_ASC",
  SIREN = "SIREN",
  APL_ASC = "APL_ASC",
  APL_DESC = "APL_DESC",
}

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
