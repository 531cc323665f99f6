import type { DataSource } from "typeorm";
import type { SyncCounts } from "./lib/sync-table";
import { seedApl } from "./apl.seed";
import { seedBarometer } from "./barometer.seed";
import { countCsvRecords, fileNames, recordDataset } from "./catalogue";
import { PUBLISHED_FIGURES } from "./data/published-figures";
import { INITIATIVES } from "./data/domain-initiatives";
import { dataFile } from "./data-files";
import type { ImportSummary } from "./importers/import-result";
import { importPdsa } from "./importers/pdsa.importer";
import { importSasCounts } from "./importers/sas-counts.importer";
import { importSasDepartements } from "./importers/sas-departements.importer";
import { importZonesRouges } from "./importers/zones-rouges.importer";
import { importZonesRougesExpected } from "./importers/zones-rouges-expected.importer";
import { BAROMETER_INDICATORS } from "./sources";
import { seedInitiatives } from "./initiatives.seed";
import { seedProfessionals } from "./professionals.seed";
import { seedPublishedFigures } from "./published-figures.seed";
import { seedTerritories } from "./territories.seed";

export type SeedReport = Record<string, SyncCounts>;
export type SeedLog = (line: string) => void;

/** What one load changed, over several tables. */
function total(counts: SyncCounts[]): SyncCounts {
  return counts.reduce((a, c) => ({ added: a.added + c.added, changed: a.changed + c.changed, unchanged: a.unchanged + c.unchanged, removed: a.removed + c.removed }), { added: 0, changed: 0, unchanged: 0, removed: 0 });
}

const countsOf = ({ added, changed, unchanged, removed }: ImportSummary): SyncCounts => ({ added, changed, unchanged, removed });

/**
 * Every bundled dataset, in dependency order, each recorded in the dataset catalogue. Idempotent:
 * a second run reports nothing added, changed or removed. The zones rouges, SAS and PDSA files go
 * through the same imports users run.
 */
export async function seedAll(db: DataSource, log: SeedLog = () => {}): Promise<SeedReport> {
  const report: SeedReport = {};
  const started = Date.now();
  const step = async (name: string, run: () => Promise<SeedReport>): Promise<SyncCounts> => {
    const t = Date.now();
    const counts = await run();
    Object.assign(report, counts);
    for (const [table, c] of Object.entries(counts)) {
      log(`${table}: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged${c.removed ? `, ${c.removed} removed` : ""}`);
    }
    log(`  (${name}: ${Date.now() - t} ms)`);
    return total(Object.values(counts));
  };
  /** A bundled file loaded through its importer: its counts in the report, its load in the catalogue. */
  const imported = async (id: string, files: string[], run: () => Promise<ImportSummary[]>) => {
    let rows = 0;
    const changes = await step(id, async () => {
      const summaries = await run();
      rows = summaries.reduce((n, s) => n + s.rows, 0);
      return Object.fromEntries(summaries.map((s, i) => [`${id}${summaries.length > 1 ? ` ${i + 1}` : ""}`, countsOf(s)]));
    });
    await recordDataset(db, id, { file: fileNames(...files), rows, changes });
  };

  const territories = await step("territories", () => seedTerritories(db));
  await recordDataset(db, "territories", {
    file: "@etalab/decoupage-administratif 6.0.0",
    rows: ["region", "department", "epci", "commune"].reduce((n, t) => n + report[t].added + report[t].changed + report[t].unchanged, 0),
    changes: territories,
  });
  await step("professionals", () => seedProfessionals(db));
  for (const [id, files, key] of [
    ["drees-professionals", ["rpps-departement-specialite-effectifs.csv", "rpps-departement-specialite-densite.csv"], "drees-rpps"],
    ["cnom-densities", ["cnom-densite-specialite-departement-2010-2025.csv"], "cnom"],
    ["cnam-liberaux", ["ameli-liberaux-effectif-densite-departement-2024.csv"], "cnam"],
  ] as const) {
    const changes = total(Object.entries(report).filter(([table]) => table.startsWith(`professional_stat ${key}`)).map(([, c]) => c));
    await recordDataset(db, id, { file: fileNames(...files), rows: await countCsvRecords(dataFile(files[0])), changes });
  }
  const apl = await step("APL", () => seedApl(db));
  await recordDataset(db, "drees-apl", { file: "drees-apl-mg-communes.csv", rows: await countCsvRecords(dataFile("drees-apl-mg-communes.csv")), changes: apl });
  await step("barometer", () => seedBarometer(db));
  for (const b of BAROMETER_INDICATORS) {
    const [{ last }] = await db.query(`SELECT MAX(observed_on) AS last FROM measure WHERE indicator = '${b.indicator}' AND value IS NOT NULL`);
    await recordDataset(db, `barometre-${b.code.toLowerCase()}`, { file: b.file, rows: await countCsvRecords(dataFile(b.file)), vintage: String(last), changes: report[`measure ${b.indicator}`] });
  }
  const figures = await step("published figures", () => seedPublishedFigures(db));
  await recordDataset(db, "published-figures", { file: "seeds/data/published-figures.ts", rows: PUBLISHED_FIGURES.length, changes: figures });
  await imported("zones-rouges", ["zones-rouges-2025.csv"], async () => [await importZonesRouges(db, dataFile("zones-rouges-2025.csv"))]);
  await imported("zones-rouges-expected", ["zones-rouges-2025-regions.csv"], async () => [await importZonesRougesExpected(db, dataFile("zones-rouges-2025-regions.csv"))]);
  await imported("sas-departements", ["sas-departements-2021-2025.csv"], async () => [await importSasDepartements(db, dataFile("sas-departements-2021-2025.csv"))]);
  await imported("sas-counts", ["sas-national-counts.csv"], async () => [await importSasCounts(db, dataFile("sas-national-counts.csv"))]);
  await imported("pdsa", ["pdsa-participation-departements-2022-2023.csv", "pdsa-national-2022-2023.csv"], async () => [
    await importPdsa(db, dataFile("pdsa-participation-departements-2022-2023.csv"), {}),
    await importPdsa(db, dataFile("pdsa-national-2022-2023.csv"), {}),
  ]);
  const initiatives = await step("initiatives", () => seedInitiatives(db));
  await recordDataset(db, "initiatives", { file: "seeds/data/domain-initiatives.ts", rows: INITIATIVES.length, changes: initiatives });
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return report;
}

/** True when the territorial tables hold nothing yet (a fresh database). */
export async function isEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query("SELECT COUNT(*) AS n FROM region");
  return Number(row.n) === 0;
}

/** Seeds a fresh database; leaves a seeded one alone (`npm run seed` refreshes it). */
export async function seedIfEmpty(db: DataSource, log: SeedLog = () => {}): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  log("empty database: seeding from the bundled data (first start only)");
  await seedAll(db, log);
  return true;
}
