import type { InitiativeFilter } from "../../resolvers/initiatives/initiative.input";
import type { SqlCondition } from "../territories/epci-filter.sql";

const place = (level: string) =>
  `EXISTS (SELECT 1 FROM initiative_place fp WHERE fp.initiative_id = i.id AND fp.level = '${level}' AND fp.code = ?)`;

/** Translates an InitiativeFilter into conditions on `initiative i`. */
export function initiativeFilterSql(filter: InitiativeFilter | undefined | null): SqlCondition {
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
  const territories: [string | undefined, string][] = [
    [filter.regionCode, "REGION"],
    [filter.departmentCode, "DEPARTMENT"],
    [filter.epciSiren, "EPCI"],
    [filter.communeCode, "COMMUNE"],
  ];
  for (const [code, level] of territories) {
    if (code) {
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
