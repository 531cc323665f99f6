import { Commune } from "../../entities/territories/commune.entity";
import { Department } from "../../entities/territories/department.entity";
import { Epci } from "../../entities/territories/epci.entity";
import { Region } from "../../entities/territories/region.entity";
import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";
import { COMMUNE_COLUMNS, toCommune } from "../../db/rows/commune.rows";
import { DEPARTMENT_COLUMNS, toDepartment } from "../../db/rows/department.rows";
import { EPCI_COLUMNS, toEpci } from "../../db/rows/epci.rows";
import { REGION_COLUMNS, toRegion } from "../../db/rows/region.rows";
import { type EpciFilterInput, epciFilterSql } from "../../db/filters/epci.filter";
import { professionalSourceId } from "../shared/professional-source.service";
import { type DepartmentFilterInput, DepartmentOrder, type EpciOrder, epciOrderSql } from "./territory-lists";
import { GP_SPECIALTY, ProfessionalSource } from "../../entities/shared/professional-source";
import { toSearchQuery, toSearchText } from "../../db/search-text";

type SqlRow = Record<string, unknown>;

export async function listRegions(ctx: RequestContext): Promise<Region[]> {
  const rows = await sql<SqlRow>(ctx.db, `SELECT ${REGION_COLUMNS} FROM region r ORDER BY r.code`);
  return rows.map(toRegion);
}

export async function listDepartments(
  ctx: RequestContext,
  filter: DepartmentFilterInput | undefined,
  order: DepartmentOrder | undefined,
): Promise<Department[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter?.regionCode) {
    where.push("d.region_code = ?");
    params.push(filter.regionCode);
  }
  if (filter?.nameContains) {
    where.push("d.search_name LIKE ?");
    params.push(`%${toSearchText(filter.nameContains)}%`);
  }
  const usesDensity =
    filter?.gpDensityBelow !== undefined || filter?.gpDensityAtLeast !== undefined ||
    order === DepartmentOrder.GP_DENSITY_ASC || order === DepartmentOrder.GP_DENSITY_DESC;
  let join = "";
  const joinParams: unknown[] = [];
  if (usesDensity) {
    // GP densities are care-offer data, read from the shared database for filtering and ordering.
    // The key (source_id, department_code, specialty) gives at most one row per département.
    const family = filter?.gpDensitySource ?? ProfessionalSource.DREES_RPPS;
    const source = await professionalSourceId(ctx, family, filter?.gpDensityVintage);
    join = " LEFT JOIN professional_stat ps ON ps.department_code = d.code AND ps.source_id = ? AND ps.specialty = ?";
    joinParams.push(source.id, GP_SPECIALTY[family]);
    if (filter?.gpDensityBelow !== undefined && filter.gpDensityBelow !== null) {
      where.push("ps.density < ?");
      params.push(filter.gpDensityBelow);
    }
    if (filter?.gpDensityAtLeast !== undefined && filter.gpDensityAtLeast !== null) {
      where.push("ps.density >= ?");
      params.push(filter.gpDensityAtLeast);
    }
  }
  // Départements without a figure come last in both directions.
  const orderBy =
    order === DepartmentOrder.NAME ? "d.search_name"
    : order === DepartmentOrder.POPULATION_DESC ? "d.population DESC, d.code"
    : order === DepartmentOrder.GP_DENSITY_ASC ? "CASE WHEN ps.density IS NULL THEN 1 ELSE 0 END, ps.density ASC, d.code"
    : order === DepartmentOrder.GP_DENSITY_DESC ? "CASE WHEN ps.density IS NULL THEN 1 ELSE 0 END, ps.density DESC, d.code"
    : "d.code";
  const rows = await sql<SqlRow>(
    ctx.db,
    `SELECT ${DEPARTMENT_COLUMNS} FROM department d${join}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${orderBy}`,
    [...joinParams, ...params],
  );
  return rows.map(toDepartment);
}

/** One page of the filtered EPCI list, fetched with one extra row; `count` counts the whole list. */
export async function pageOfEpcis(
  ctx: RequestContext,
  filter: EpciFilterInput | undefined,
  order: EpciOrder | undefined,
  offset: number,
  size: number,
): Promise<{ rowsPlusOne: Epci[]; count: () => Promise<number> }> {
  const condition = epciFilterSql(filter);
  const where = condition.where.length ? ` WHERE ${condition.where.join(" AND ")}` : "";
  const rows =
    size === 0
      ? []
      : await sql<SqlRow>(
          ctx.db,
          `SELECT ${EPCI_COLUMNS} FROM epci e${where} ORDER BY ${epciOrderSql(order)} LIMIT ? OFFSET ?`,
          [...condition.params, size + 1, offset],
        );
  const count = async () => {
    const [row] = await sql<SqlRow>(ctx.db, `SELECT COUNT(*) AS n FROM epci e${where}`, condition.params);
    return Number(row?.n ?? 0);
  };
  return { rowsPlusOne: rows.map(toEpci), count };
}

export type Territory = Region | Department | Epci | Commune;

/** Most relevant first: whole-name match, then name start, then a word start, then anywhere (or typed without spaces). */
function matchRank(searchName: string, text: string, compact: string): number {
  const compactName = searchName.replace(/ /g, "");
  if (searchName === text || compactName === compact) return 0;
  if (searchName.startsWith(text) || compactName.startsWith(compact)) return 1;
  if (searchName.includes(` ${text}`)) return 2;
  return 3;
}
const LEVEL_RANK = new Map<Function, number>([[Region, 0], [Department, 1], [Epci, 2], [Commune, 3]]);

/** Text that is a postal code or an INSEE commune code rather than a name. */
const CODE_LIKE = /^(\d{5}|2[AB]\d{3})$/i;

/**
 * Communes of a postal code (largest first), then the commune of that INSEE code, current or
 * former: one statement. Names hold no digits, so a code finds nothing by name.
 */
async function searchByCode(ctx: RequestContext, code: string, limit: number): Promise<Territory[]> {
  const rows = await sql<SqlRow>(
    ctx.db,
    `SELECT ${COMMUNE_COLUMNS}, 0 AS match_rank FROM commune c
       WHERE c.code IN (SELECT p.commune_code FROM commune_postal_code p WHERE p.postal_code = ?)
     UNION ALL
     SELECT ${COMMUNE_COLUMNS}, 1 AS match_rank FROM commune c
       WHERE c.code = ? OR c.code IN (SELECT f.commune_code FROM commune_former_code f WHERE f.code = ?)
     ORDER BY match_rank, population DESC, code`,
    [code, code, code],
  );
  const byPostalCode = rows.filter((r) => Number(r.match_rank) === 0).map(toCommune);
  const byInseeCode = rows.filter((r) => Number(r.match_rank) === 1).map(toCommune)[0];
  // The commune of the INSEE code keeps a place even when the postal code serves more communes than the limit.
  if (!byInseeCode || byPostalCode.some((c) => c.code === byInseeCode.code)) return byPostalCode.slice(0, limit);
  return [...byPostalCode.slice(0, limit - 1), byInseeCode];
}

/**
 * Territories whose name contains the text, accent- and case-insensitive, as people type it:
 * "St"/"Ste" for Saint/Sainte, with or without hyphens and apostrophes ("st-etienne", "pont dain").
 * Ranked by match quality, then level (région before commune), then population. A postal code
 * ("46100") finds the communes it serves; an INSEE code, current or former, its commune.
 */
export async function searchTerritories(ctx: RequestContext, text: string, limit: number): Promise<Territory[]> {
  if (CODE_LIKE.test(text.trim())) return searchByCode(ctx, text.trim().toUpperCase(), limit);
  const { words: needle, compact } = toSearchQuery(text);
  if (needle === "") return [];
  const like = `%${needle}%`;
  const compactLike = `%${compact}%`;
  // Names typed without their spaces, hyphens or apostrophes match the name without spaces.
  const matches = (alias: string) => `(${alias}.search_name LIKE ? OR REPLACE(${alias}.search_name, ' ', '') LIKE ?)`;
  // Each level keeps its best candidates; a short needle ("sa") can match thousands of communes.
  const perLevel = Math.max(limit * 4, 50);
  const [regions, departments, epcis, communes] = await Promise.all([
    sql<SqlRow>(ctx.db, `SELECT ${REGION_COLUMNS}, r.search_name FROM region r WHERE ${matches("r")}`, [like, compactLike]),
    sql<SqlRow>(ctx.db, `SELECT ${DEPARTMENT_COLUMNS}, d.search_name FROM department d WHERE ${matches("d")}`, [like, compactLike]),
    sql<SqlRow>(ctx.db, `SELECT ${EPCI_COLUMNS}, e.search_name FROM epci e WHERE ${matches("e")} ORDER BY e.population DESC LIMIT ?`, [like, compactLike, perLevel]),
    sql<SqlRow>(
      ctx.db,
      `SELECT ${COMMUNE_COLUMNS}, c.search_name FROM commune c WHERE ${matches("c")}
       ORDER BY CASE WHEN c.search_name = ? THEN 0 WHEN c.search_name LIKE ? THEN 1 WHEN c.search_name LIKE ? THEN 2 ELSE 3 END, c.population DESC LIMIT ?`,
      [like, compactLike, needle, `${needle}%`, like, perLevel],
    ),
  ]);
  const candidates: { territory: Territory; rank: number; population: number }[] = [];
  const add = (rows: SqlRow[], map: (row: SqlRow) => Territory) => {
    for (const row of rows) {
      const territory = map(row);
      candidates.push({ territory, rank: matchRank(String(row.search_name), needle, compact), population: Number(row.population) });
    }
  };
  add(regions, toRegion);
  add(departments, toDepartment);
  add(epcis, toEpci);
  add(communes, toCommune);
  candidates.sort(
    (a, b) =>
      a.rank - b.rank ||
      (LEVEL_RANK.get(a.territory.constructor) ?? 9) - (LEVEL_RANK.get(b.territory.constructor) ?? 9) ||
      b.population - a.population,
  );
  return candidates.slice(0, limit).map((c) => c.territory);
}
