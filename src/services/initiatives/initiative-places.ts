import { markers, sql } from "../../db/sql-dialect";
import type { Attachment, PlaceLevel, PlaceRow } from "../../db/rows/initiative-place.rows";
import { BadUserInputError } from "../../errors/errors";
import type { SqlRunner } from "../../db/sql-dialect";

type Db = SqlRunner;

async function select(db: Db, text: string, codes: string[]): Promise<Record<string, string | null>[]> {
  return codes.length === 0 ? [] : sql<Record<string, string | null>>(db, text.replace("{codes}", markers(codes.length)), codes);
}

/**
 * Every place of an initiative: the territories it is attached to (direct) and those that
 * contain them (a commune's EPCI, département and région; an EPCI's départements and
 * régions; a département's région). Unknown codes are refused, all of them named at once.
 */
export async function placesOf(db: Db, initiativeId: string, attachments: Attachment[]): Promise<PlaceRow[]> {
  const codes = (level: PlaceLevel) => [...new Set(attachments.filter((a) => a.level === level).map((a) => a.code))];
  const places = new Map<string, PlaceRow>();
  const add = (level: PlaceLevel, code: string | null, direct: boolean) => {
    if (!code) return;
    const key = `${level}|${code}`;
    const existing = places.get(key);
    if (existing) existing.direct = existing.direct || direct;
    else places.set(key, { initiative_id: initiativeId, level, code, direct });
  };
  const missing: string[] = [];
  const check = (level: PlaceLevel, asked: string[], found: Set<string>) => {
    for (const code of asked) if (!found.has(code)) missing.push(`${level.toLowerCase()} ${code}`);
  };

  // A former code (a commune merged since) attaches the current commune: `asked` is the code given.
  const communeCodes = codes("COMMUNE");
  const communes =
    communeCodes.length === 0
      ? []
      : await sql<Record<string, string | null>>(
          db,
          `SELECT k.asked, c.code, c.department_code, c.region_code, ec.epci_siren FROM (
             SELECT code AS asked, code AS current_code FROM commune WHERE code IN (${markers(communeCodes.length)})
             UNION ALL SELECT code, commune_code FROM commune_former_code WHERE code IN (${markers(communeCodes.length)})
           ) k JOIN commune c ON c.code = k.current_code LEFT JOIN epci_commune ec ON ec.commune_code = c.code`,
          [...communeCodes, ...communeCodes],
        );
  check("COMMUNE", communeCodes, new Set(communes.map((c) => String(c.asked))));
  for (const c of communes) {
    add("COMMUNE", c.code, true);
    add("EPCI", c.epci_siren, false);
    add("DEPARTMENT", c.department_code, false);
    add("REGION", c.region_code, false);
  }
  const epcis = await select(
    db,
    "SELECT ed.epci_siren, d.code, d.region_code FROM epci_department ed JOIN department d ON d.code = ed.department_code WHERE ed.epci_siren IN ({codes})",
    codes("EPCI"),
  );
  check("EPCI", codes("EPCI"), new Set(epcis.map((e) => String(e.epci_siren))));
  for (const e of epcis) {
    add("EPCI", e.epci_siren, true);
    add("DEPARTMENT", e.code, false);
    add("REGION", e.region_code, false);
  }
  const departments = await select(db, "SELECT code, region_code FROM department WHERE code IN ({codes})", codes("DEPARTMENT"));
  check("DEPARTMENT", codes("DEPARTMENT"), new Set(departments.map((d) => String(d.code))));
  for (const d of departments) {
    add("DEPARTMENT", d.code, true);
    add("REGION", d.region_code, false);
  }
  const regions = await select(db, "SELECT code FROM region WHERE code IN ({codes})", codes("REGION"));
  check("REGION", codes("REGION"), new Set(regions.map((r) => String(r.code))));
  for (const r of regions) add("REGION", r.code, true);

  if (missing.length > 0) throw new BadUserInputError(`unknown territory: ${missing.join(", ")}`, { unknownTerritories: missing });
  return [...places.values()];
}
