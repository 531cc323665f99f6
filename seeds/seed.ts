import type { DataSource } from "typeorm";
import type { SyncCounts } from "./lib/sync-table";
import { seedTerritories } from "./territories.seed";

export type SeedReport = Record<string, SyncCounts>;
export type SeedLog = (line: string) => void;

/** Every dataset, in dependency order. Idempotent: a second run reports nothing added or changed. */
export async function seedAll(db: DataSource, log: SeedLog = () => {}): Promise<SeedReport> {
  const report: SeedReport = {};
  const started = Date.now();
  Object.assign(report, await seedTerritories(db));
  for (const [table, c] of Object.entries(report)) {
    log(`${table}: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged${c.removed ? `, ${c.removed} removed` : ""}`);
  }
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
