import type { DataSource } from "typeorm";
import { currentCommuneOf } from "./lib/current-commune";
import { parseDecimal, parseInteger, readCsv } from "./lib/csv";
import { syncTable, type Row, type SyncCounts } from "./lib/sync-table";
import { dataFile } from "./data-files";
import { SOURCES } from "./sources";
import { upsertSources } from "./sources.seed";

export interface AplInput {
  codgeo: string;
  communeCode: string;
  value: number;
  population: number | null;
}

export async function readAplFile(file = dataFile("drees-apl-mg-communes.csv")): Promise<AplInput[]> {
  const current = currentCommuneOf();
  const rows: AplInput[] = [];
  for await (const { line, record } of readCsv(file)) {
    const communeCode = current.get(record.codgeo);
    const value = parseDecimal(record.apl_mg);
    const population = parseInteger(record.population);
    if (!communeCode) throw new Error(`APL line ${line}: commune code "${record.codgeo}" is not a commune, old or current`);
    if (value === null || Number.isNaN(value)) throw new Error(`APL line ${line}: apl_mg "${record.apl_mg}" is not a number`);
    if (population !== null && Number.isNaN(population)) throw new Error(`APL line ${line}: population "${record.population}" is not a number`);
    rows.push({ codgeo: record.codgeo, communeCode, value, population });
  }
  return rows;
}

/**
 * Population-weighted mean per territory: sum(APL × population) / sum(population). Rows without
 * a population carry no weight; a commune whose rows all lack one keeps its plain APL.
 */
export function weightedApl(rows: AplInput[], territoriesOf: (communeCode: string) => [string, string][]): Row[] {
  const sums = new Map<string, { level: string; code: string; weighted: number; population: number; plain: number[]; communes: Set<string> }>();
  for (const row of rows) {
    for (const [level, code] of territoriesOf(row.communeCode)) {
      const key = `${level}|${code}`;
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = { level, code, weighted: 0, population: 0, plain: [], communes: new Set() }));
      sum.communes.add(row.communeCode);
      if (row.population !== null && row.population > 0) {
        sum.weighted += row.value * row.population;
        sum.population += row.population;
      } else {
        sum.plain.push(row.value);
      }
    }
  }
  return [...sums.values()].map((s) => ({
    level: s.level,
    code: s.code,
    source_id: SOURCES.aplWeighted.id,
    value: s.population > 0 ? s.weighted / s.population : s.plain.reduce((a, b) => a + b, 0) / s.plain.length,
    population: s.population,
    communes: s.communes.size,
  }));
}

export async function seedApl(db: DataSource): Promise<Record<string, SyncCounts>> {
  const rows = await readAplFile();
  const links: { code: string; department_code: string; region_code: string; epci_siren: string | null }[] = await db.query(
    "SELECT c.code, c.department_code, c.region_code, ec.epci_siren FROM commune c LEFT JOIN epci_commune ec ON ec.commune_code = c.code",
  );
  const byCommune = new Map(links.map((l) => [l.code, l]));
  const territoriesOf = (code: string): [string, string][] => {
    const l = byCommune.get(code);
    if (!l) throw new Error(`APL: commune ${code} is not in the territories table`);
    const list: [string, string][] = [["COMMUNE", code], ["DEPARTMENT", l.department_code], ["REGION", l.region_code]];
    if (l.epci_siren) list.push(["EPCI", l.epci_siren]);
    return list;
  };
  const aggregates = weightedApl(rows, territoriesOf);
  return db.transaction(async (manager) => {
    await upsertSources(manager, [SOURCES.apl, SOURCES.aplWeighted]);
    const communes = await syncTable(
      manager,
      rows.map((r) => ({ codgeo: r.codgeo, source_id: SOURCES.apl.id, commune_code: r.communeCode, value: r.value, population: r.population })),
      { table: "apl_commune", key: ["codgeo", "source_id"], columns: ["codgeo", "source_id", "commune_code", "value", "population"], removeMissing: true, scope: { where: "source_id = ?", params: [SOURCES.apl.id] } },
    );
    const aggregated = await syncTable(manager, aggregates, {
      table: "apl_aggregate",
      key: ["level", "code", "source_id"],
      columns: ["level", "code", "source_id", "value", "population", "communes"],
      removeMissing: true,
      scope: { where: "source_id = ?", params: [SOURCES.aplWeighted.id] },
    });
    return { apl_commune: communes, apl_aggregate: aggregated };
  });
}
