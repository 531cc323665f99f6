/** Columns of `commune_former_code f`. */
export const FORMER_CODE_COLUMNS = "f.code AS former_code, f.commune_code AS former_commune_code, f.name AS former_name";

/** A code of a commune merged since into a current one. */
export interface FormerCode {
  code: string;
  communeCode: string;
  /** The delegated or associated commune's name, when the COG still lists it. */
  name: string | null;
}

export function toFormerCode(row: Record<string, unknown>): FormerCode {
  return {
    code: String(row.former_code),
    communeCode: String(row.former_commune_code),
    name: row.former_name === null || row.former_name === undefined ? null : String(row.former_name),
  };
}
