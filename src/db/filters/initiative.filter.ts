import type { InitiativeKind } from "../../entities/initiatives/initiative-kind";
import type { OrganizationKind } from "../../entities/initiatives/organization-kind";
import type { SqlCondition } from "./epci.filter";

/** Conditions an initiative must meet, all of them (the GraphQL input InitiativeFilter implements it). */
export interface InitiativeFilterInput {
  kinds?: InitiativeKind[] | null;
  carrierIds?: string[] | null;
  carrierKinds?: OrganizationKind[] | null;
  regionCode?: string | null;
  departmentCode?: string | null;
  epciSiren?: string | null;
  communeCode?: string | null;
  zonesRougesOnly?: boolean | null;
  /** Title or summary contains this text, ignoring case. */
  text?: string | null;
  includeArchived?: boolean | null;
}

const place = (level: string) =>
  `EXISTS (SELECT 1 FROM initiative_place fp WHERE fp.initiative_id = i.id AND fp.level = '${level}' AND fp.code = ?)`;

/** A commune given by its current code or by a former one (merged since): the current code, in the same statement. */
const CURRENT_COMMUNE = "COALESCE((SELECT ff.commune_code FROM commune_former_code ff WHERE ff.code = ?), ?)";

/** Translates an InitiativeFilterInput into conditions on `initiative i`. */
export function initiativeFilterSql(filter: InitiativeFilterInput | undefined | null): SqlCondition {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter?.includeArchived) where.push("i.archived = FALSE");
  if (!filter) return { where, params };
  const list = (values: readonly unknown[]) => values.map(() => "?").join(", ");
  if (filter.kinds?.length) {
    where.push(`i.kind IN (${list(filter.kinds)})`);
    params.push(...filter.kinds);
  }
  if (filter.carrierIds?.length) {
    where.push(`EXISTS (SELECT 1 FROM initiative_carrier fc WHERE fc.initiative_id = i.id AND fc.organization_id IN (${list(filter.carrierIds)}))`);
    params.push(...filter.carrierIds);
  }
  if (filter.carrierKinds?.length) {
    where.push(
      `EXISTS (SELECT 1 FROM initiative_carrier fc JOIN organization fo ON fo.id = fc.organization_id WHERE fc.initiative_id = i.id AND fo.kind IN (${list(filter.carrierKinds)}))`,
    );
    params.push(...filter.carrierKinds);
  }
  const territories: [string | null | undefined, string][] = [
    [filter.regionCode, "REGION"],
    [filter.departmentCode, "DEPARTMENT"],
    [filter.epciSiren, "EPCI"],
    [filter.communeCode, "COMMUNE"],
  ];
  for (const [code, level] of territories) {
    if (!code) continue;
    if (level === "COMMUNE") {
      where.push(place(level).replace("fp.code = ?", `fp.code = ${CURRENT_COMMUNE}`));
      params.push(code, code);
    } else {
      where.push(place(level));
      params.push(code);
    }
  }
  if (filter.zonesRougesOnly) {
    where.push(
      "EXISTS (SELECT 1 FROM initiative_place fz JOIN zone_rouge z ON z.epci_siren = fz.code WHERE fz.initiative_id = i.id AND fz.level = 'EPCI' AND z.confirmed = TRUE)",
    );
  }
  if (filter.text) {
    where.push("(LOWER(i.title) LIKE ? OR LOWER(i.summary) LIKE ?)");
    const like = `%${filter.text.toLowerCase()}%`;
    params.push(like, like);
  }
  return { where, params };
}
