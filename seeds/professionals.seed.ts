import type { DataSource } from "typeorm";
import type { SyncCounts } from "./lib/sync-table";
import { dataFile } from "./data-files";
import type { ImportSummary } from "./importers/import-result";
import { importCnamLiberaux, importCnomDensities, importDreesProfessionals } from "./importers/professionals.importer";
import { SOURCES, type SourceRecord } from "./sources";

/** The bundled years of each producer; a year the bundled files do not describe is a data error. */
function bundled(byYear: Record<string, SourceRecord>): (year: string) => SourceRecord {
  return (year) => {
    const source = byYear[year];
    if (!source) throw new Error(`no bundled source for year ${year}`);
    return source;
  };
}

const counts = ({ added, changed, unchanged, removed }: ImportSummary): SyncCounts => ({ added, changed, unchanged, removed });

/** The three bundled producers, through the same importers as `npm run import`. */
export async function seedProfessionals(db: DataSource): Promise<Record<string, SyncCounts>> {
  const drees = await importDreesProfessionals(db, dataFile("rpps-departement-specialite-effectifs.csv"), {
    densityFile: dataFile("rpps-departement-specialite-densite.csv"),
    source: SOURCES.rpps,
  });
  const cnom = await importCnomDensities(db, dataFile("cnom-densite-specialite-departement-2010-2025.csv"), {
    sourceOf: bundled({ "2010": SOURCES.cnom2010, "2025": SOURCES.cnom2025 }),
  });
  const cnam = await importCnamLiberaux(db, dataFile("ameli-liberaux-effectif-densite-departement-2024.csv"), {
    sourceOf: bundled({ "2024": SOURCES.cnam }),
  });
  return {
    [`professional_stat ${SOURCES.rpps.id}`]: counts(drees),
    [`professional_stat ${SOURCES.cnom2010.id}+${SOURCES.cnom2025.id}`]: counts(cnom),
    [`professional_stat ${SOURCES.cnam.id}`]: counts(cnam),
  };
}
