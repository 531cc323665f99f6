import type { RequestContext } from "../context/request-context";
import { sql } from "../db/sql-dialect";
import { BadUserInputError } from "../errors/errors";
import { communeByCode } from "../services/territories/commune-code.service";
import { COMMUNE_CODE, DEPARTMENT_CODE, FORMAT_HINTS, POSTAL_CODE, REGION_CODE, SIREN } from "../validation/territory-codes";
import type { ParamSpec, ParamValues } from "./export-params";

/** The territorial filters of the exports, by parameter name. */
export const TERRITORY_PARAMS = {
  region: { name: "region", description: 'INSEE région code: only what lies in this région ("76").', example: "76", pattern: REGION_CODE, hint: FORMAT_HINTS.region },
  department: {
    name: "department",
    description: 'INSEE département code: only what lies in this département ("46", "2A", "971").',
    example: "46",
    pattern: DEPARTMENT_CODE,
    hint: FORMAT_HINTS.department,
  },
  epci: { name: "epci", description: 'SIREN of an EPCI: only this EPCI or its communes ("200035327").', example: "200035327", pattern: SIREN, hint: FORMAT_HINTS.siren },
  commune: {
    name: "commune",
    description:
      'INSEE commune code: only this commune (or its EPCI). A former code, of a commune merged since ("01340"), stands for the ' +
      "current commune, and the file's metadata says which it was.",
    example: "38316",
    pattern: COMMUNE_CODE,
    hint: FORMAT_HINTS.commune,
  },
  postalCode: {
    name: "postalCode",
    description: 'La Poste postal code: only the communes it serves (or their EPCI) ("46100").',
    example: "46100",
    pattern: POSTAL_CODE,
    hint: FORMAT_HINTS.postalCode,
  },
} satisfies Record<string, ParamSpec>;

/** Territorial filters after checking that each names a territory that exists (former commune codes mapped). */
export interface TerritoryFilter {
  regionCode?: string;
  departmentCode?: string;
  epciSiren?: string;
  communeCode?: string;
  postalCode?: string;
  /** The former commune code given, and the current commune it stands for. */
  formerCode?: { given: string; current: string };
}

async function exists(ctx: RequestContext, table: "region" | "department" | "epci" | "commune_postal_code", column: string, value: string): Promise<boolean> {
  const rows = await sql<{ one: unknown }>(ctx.db, `SELECT 1 AS one FROM ${table} WHERE ${column} = ? LIMIT 1`, [value]);
  return rows.length > 0;
}

/**
 * The territorial filters of a request. A code that matches no territory is refused (400): a file
 * silently empty because of a typo would mislead. Régions and départements are listed in the answer.
 */
export async function resolveTerritoryFilter(ctx: RequestContext, values: ParamValues): Promise<TerritoryFilter> {
  const filter: TerritoryFilter = {};
  if (values.region !== undefined) {
    if (!(await exists(ctx, "region", "code", values.region))) {
      const codes = (await sql<{ code: string }>(ctx.db, "SELECT code FROM region ORDER BY code")).map((r) => r.code);
      throw new BadUserInputError(`region "${values.region}" does not exist; valid régions: ${codes.join(", ")}`, { invalidArguments: ["region"], validValues: codes });
    }
    filter.regionCode = values.region;
  }
  if (values.department !== undefined) {
    if (!(await exists(ctx, "department", "code", values.department))) {
      const codes = (await sql<{ code: string }>(ctx.db, "SELECT code FROM department ORDER BY code")).map((r) => r.code);
      throw new BadUserInputError(`department "${values.department}" does not exist; valid départements: ${codes.join(", ")}`, { invalidArguments: ["department"], validValues: codes });
    }
    filter.departmentCode = values.department;
  }
  if (values.epci !== undefined) {
    if (!(await exists(ctx, "epci", "siren", values.epci))) throw new BadUserInputError(`epci "${values.epci}" is the SIREN of no EPCI of COG 2026`, { invalidArguments: ["epci"] });
    filter.epciSiren = values.epci;
  }
  if (values.commune !== undefined) {
    const commune = await communeByCode(ctx, values.commune);
    if (!commune) throw new BadUserInputError(`commune "${values.commune}" is the INSEE code of no commune, current or former (COG 2026)`, { invalidArguments: ["commune"] });
    filter.communeCode = commune.code;
    if (commune.formerCodeGiven) filter.formerCode = { given: commune.formerCodeGiven, current: commune.code };
  }
  if (values.postalCode !== undefined) {
    if (!(await exists(ctx, "commune_postal_code", "postal_code", values.postalCode))) {
      throw new BadUserInputError(`postalCode "${values.postalCode}" serves no commune (La Poste codes through COG 2026)`, { invalidArguments: ["postalCode"] });
    }
    filter.postalCode = values.postalCode;
  }
  return filter;
}

/** SQL conditions on `commune c` (its EPCI membership joined as `ec`) for a filter. */
export function communeConditions(filter: TerritoryFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionCode) where.push("c.region_code = ?"), params.push(filter.regionCode);
  if (filter.departmentCode) where.push("c.department_code = ?"), params.push(filter.departmentCode);
  if (filter.epciSiren) where.push("ec.epci_siren = ?"), params.push(filter.epciSiren);
  if (filter.communeCode) where.push("c.code = ?"), params.push(filter.communeCode);
  if (filter.postalCode) where.push("c.code IN (SELECT p.commune_code FROM commune_postal_code p WHERE p.postal_code = ?)"), params.push(filter.postalCode);
  return { where, params };
}

/** SQL conditions on `epci e`: EPCI of the région or département, the EPCI itself, or the EPCI of the communes. */
export function epciConditions(filter: TerritoryFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionCode) {
    where.push("EXISTS (SELECT 1 FROM epci_department fd JOIN department fdd ON fdd.code = fd.department_code WHERE fd.epci_siren = e.siren AND fdd.region_code = ?)");
    params.push(filter.regionCode);
  }
  if (filter.departmentCode) where.push("EXISTS (SELECT 1 FROM epci_department fd WHERE fd.epci_siren = e.siren AND fd.department_code = ?)"), params.push(filter.departmentCode);
  if (filter.epciSiren) where.push("e.siren = ?"), params.push(filter.epciSiren);
  if (filter.communeCode) where.push("EXISTS (SELECT 1 FROM epci_commune fc WHERE fc.epci_siren = e.siren AND fc.commune_code = ?)"), params.push(filter.communeCode);
  if (filter.postalCode) {
    where.push("EXISTS (SELECT 1 FROM epci_commune fc JOIN commune_postal_code fp ON fp.commune_code = fc.commune_code WHERE fc.epci_siren = e.siren AND fp.postal_code = ?)");
    params.push(filter.postalCode);
  }
  return { where, params };
}
