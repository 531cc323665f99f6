import type { RequestContext } from "../../context/request-context";
import type { Initiative } from "../../entities/initiatives/initiative.entity";
import { sql } from "../../db/sql-dialect";
import { INITIATIVE_COLUMNS, toInitiative } from "../../db/rows/initiative.rows";
import { type InitiativeFilterInput, initiativeFilterSql } from "../../db/filters/initiative.filter";

/** One page of the filtered initiatives (most recently changed first), fetched with one extra row. */
export async function pageOfInitiatives(
  ctx: RequestContext,
  filter: InitiativeFilterInput | undefined,
  offset: number,
  size: number,
): Promise<{ rowsPlusOne: Initiative[]; count: () => Promise<number> }> {
  const condition = initiativeFilterSql(filter);
  const where = condition.where.length ? ` WHERE ${condition.where.join(" AND ")}` : "";
  const rows =
    size === 0
      ? []
      : await sql<Record<string, unknown>>(
          ctx.db,
          `SELECT ${INITIATIVE_COLUMNS} FROM initiative i${where} ORDER BY i.updated_at DESC, i.id LIMIT ? OFFSET ?`,
          [...condition.params, size + 1, offset],
        );
  const count = async () => {
    const [row] = await sql<{ n: unknown }>(ctx.db, `SELECT COUNT(*) AS n FROM initiative i${where}`, condition.params);
    return Number(row?.n ?? 0);
  };
  return { rowsPlusOne: rows.map(toInitiative), count };
}
