/**
 * How one table is read into its model: the one list of the columns its row mapper reads. The
 * table itself is described by its migration; tests/schema/table-descriptions.test.ts checks
 * that the migrated table has exactly `columns` and `unread`, and that the mapper reads exactly
 * `columns`, so that a column added in one place only fails a test.
 */
export interface TableRead {
  /** The table's name, as its migration creates it. */
  readonly table: string;
  /** Its alias in SELECTs (`e` for `epci e`), or "" when selected without one. */
  readonly alias: string;
  /** The columns the mapper reads, in SELECT order. */
  readonly columns: readonly string[];
  /** Columns of the table the model leaves out, each with the reason. */
  readonly unread: Readonly<Record<string, string>>;
  /** `e.siren, e.name, …`: the SELECT list of `columns`. */
  readonly select: string;
}

export function tableRead(table: string, alias: string, columns: readonly string[], unread: Record<string, string> = {}): TableRead {
  const prefix = alias === "" ? "" : `${alias}.`;
  return { table, alias, columns, unread, select: columns.map((c) => `${prefix}${c}`).join(", ") };
}

/** Why a column is left out of the models that have it. */
export const UNREAD = {
  searchName: "accent- and case-free name, searched by searchTerritories; never shown",
  audit: "write bookkeeping (timestamps of the row), kept for the audit trail",
} as const;
