import type { DataSource } from "typeorm";
import type { SyncCounts } from "./lib/sync-table";
import { seedApl } from "./apl.seed";
import { seedBarometer } from "./barometer.seed";
import { dataFile } from "./data-files";
import { importZonesRouges } from "./importers/zones-rouges.importer";
import { seedInitiatives } from "./initiatives.seed";
import { seedProfessionals } from "./professionals.seed";
import { seedPublishedFigures } from "./published-figures.seed";
import { seedTerritories } from "./territories.seed";

export type SeedReport = Record<string, SyncCounts>;
export type SeedLog = (line: string) => void;

/**
 * Every bundled dataset, in dependency order. Idempotent: a second run reports nothing added,
 * changed or removed. The zones rouges go through the same import users run with the official list.
 */
export async function seedAll(db: DataSource, log: SeedLog = () => {}): Promise<SeedReport> {
  const report: SeedReport = {};
  const started = Date.now();
  const step = async (name: string, run: () => Promise<SeedReport>) => {
    const t = Date.now();
    const counts = await run();
    Object.assign(report, counts);
    for (const [table, c] of Object.entries(counts)) {
      log(`${table}: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged${c.removed ? `, ${c.removed} removed` : ""}`);
    }
    log(`  (${name}: ${Date.now() - t} ms)`);
  };
  await step("territories", () => seedTerritories(db));
  await step("professionals", () => seedProfessionals(db));
  await step("APL", () => seedApl(db));
  await step("barometer", () => seedBarometer(db));
  await step("published figures", () => seedPublishedFigures(db));
  await step("zones rouges", async () => {
    const { dataset: _dataset, rows: _rows, ...counts } = await importZonesRouges(db, dataFile("zones-rouges-2025.csv"));
    return { zone_rouge: counts };
  });
  await step("initiatives", () => seedInitiatives(db));
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
