import type { DataSource } from "typeorm";
import { normalizeDepartmentCode, territoryKey } from "./lib/codes";
import { parseDecimal, readCsv } from "./lib/csv";
import { syncIndicatorDefinitions, syncMeasures } from "./lib/measures";
import type { Row, SyncCounts } from "./lib/sync-table";
import { dataFile } from "./data-files";
import { BAROMETER_INDICATORS, barometerSource } from "./sources";
import { upsertSources } from "./sources.seed";


function territoryOf(zone: string): string | null {
  if (zone === "FRANCE") return territoryKey.france;
  if (/^R\d{2}$/.test(zone)) return territoryKey.region(zone.slice(1));
  if (zone.startsWith("D")) {
    const code = normalizeDepartmentCode(zone.slice(1));
    return code ? territoryKey.department(code) : null;
  }
  return null;
}

/** The six per-département barometer indicators, with every dated value (a time series). */
export async function seedBarometer(db: DataSource): Promise<Record<string, SyncCounts>> {
  const report: Record<string, SyncCounts> = {};
  for (const b of BAROMETER_INDICATORS) {
    const rows: Row[] = [];
    let lastMeasured = "";
    for await (const { line, record } of readCsv(dataFile(b.file))) {
      if (record.indic_id !== b.code) throw new Error(`${b.file} line ${line}: indicator ${record.indic_id}, expected ${b.code}`);
      const territory = territoryOf(record.enforce_zone_id);
      if (!territory) throw new Error(`${b.file} line ${line}: unknown zone "${record.enforce_zone_id}"`);
      const [value, initial, target] = [record.indic_va, record.indic_vi, record.indic_vc].map(parseDecimal);
      if ([value, initial, target].some((v) => v !== null && Number.isNaN(v))) throw new Error(`${b.file} line ${line}: a value is not a number`);
      if (value === null && initial === null && target === null) continue; // empty regional rows
      if (value !== null && record.metric_enforce_date > lastMeasured) lastMeasured = record.metric_enforce_date;
      rows.push({ indicator: b.indicator, territory, observed_on: record.metric_enforce_date, value, initial_value: initial, target, note: null });
    }
    const source = barometerSource(b, lastMeasured);
    for (const row of rows) row.source_id = source.id;
    report[`measure ${b.indicator}`] = await db.transaction(async (manager) => {
      await upsertSources(manager, [source]);
      await syncIndicatorDefinitions(manager, [{ id: b.indicator, label: b.label, unit: b.unit, description: `${b.label}. Baromètre des résultats de l'action publique, indicator ${b.code}.` }]);
      return syncMeasures(manager, rows, { where: "source_id = ?", params: [source.id] });
    });
  }
  return report;
}
