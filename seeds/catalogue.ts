import path from "node:path";
import type { DataSource, EntityManager } from "typeorm";
import { bindMarkers, isPostgres } from "../src/db/sql-dialect";
import { readCsv } from "./lib/csv";
import { syncTable, type SyncCounts } from "./lib/sync-table";
import { BAROMETER_INDICATORS, ETALAB, SOURCES } from "./sources";

/** What the catalogue says about a dataset besides what each load records (file, rows, date). */
export interface DatasetDefinition {
  title: string;
  producer: string;
  /** The reference date of the data, when the load does not set it (--vintage). */
  vintage: string;
  licence: string;
  url: string | null;
  /** The command that refreshes it. */
  importCommand: string;
}

const QUOTED = "Figures quoted from public pages (only figures, dates and names taken)";

function barometerDefinitions(): Record<string, DatasetDefinition> {
  return Object.fromEntries(
    BAROMETER_INDICATORS.map((b) => [
      `barometre-${b.code.toLowerCase()}`,
      {
        title: `Baromètre des résultats de l'action publique: ${b.label} (${b.code})`,
        producer: "DITP (Premier ministre); data from the Ministère de la Santé, DGOS and CNAM",
        vintage: "(latest date of the file)",
        licence: ETALAB,
        url: `https://github.com/DITP-pilotage/barometre-resultats (data/${b.code.toLowerCase()}.csv, commit ${b.commit})`,
        importCommand: "npm run seed",
      },
    ]),
  );
}

/** Every dataset the server can hold, by id: an import kind of `npm run import`, or a bundled seed. */
export const DATASET_DEFINITIONS: Record<string, DatasetDefinition> = {
  territories: {
    title: "Régions, départements, EPCI and communes (Code officiel géographique 2026), with legal populations",
    producer: "INSEE / DGCL, through the npm package @etalab/decoupage-administratif 6.0.0",
    vintage: "COG 2026",
    licence: ETALAB,
    url: "https://www.npmjs.com/package/@etalab/decoupage-administratif",
    importCommand: "npm run seed",
  },
  "drees-professionals": {
    title: SOURCES.rpps.title,
    producer: SOURCES.rpps.producer,
    vintage: SOURCES.rpps.vintage,
    licence: ETALAB,
    url: SOURCES.rpps.url,
    importCommand: "npm run import -- drees-professionals FILE --density FILE --vintage YYYY-MM-DD",
  },
  "cnom-densities": {
    title: SOURCES.cnom2025.title,
    producer: SOURCES.cnom2025.producer,
    vintage: "2010 and 2025-01-01",
    licence: SOURCES.cnom2025.licence,
    url: SOURCES.cnom2025.url,
    importCommand: "npm run import -- cnom-densities FILE",
  },
  "cnam-liberaux": {
    title: SOURCES.cnam.title,
    producer: SOURCES.cnam.producer,
    vintage: SOURCES.cnam.vintage,
    licence: ETALAB,
    url: SOURCES.cnam.url,
    importCommand: "npm run import -- cnam-liberaux FILE",
  },
  "drees-apl": {
    title: SOURCES.apl.title,
    producer: SOURCES.apl.producer,
    vintage: SOURCES.apl.vintage,
    licence: ETALAB,
    url: SOURCES.apl.url,
    importCommand: "npm run seed",
  },
  ...barometerDefinitions(),
  "zones-rouges": {
    title: "Zones rouges 2025: EPCI named by public pages (partial list of the ministry's 151)",
    producer: "Ministère de la Santé (list of 27 June 2025), as named by regional press, ARS pages and elected officials' sites",
    vintage: "2025-06-27",
    licence: QUOTED,
    url: "https://sante.gouv.fr",
    importCommand: "npm run import -- zones-rouges FILE [--replace]",
  },
  "zones-rouges-expected": {
    title: "Number of zones rouges per région, as ARS and press pages state it",
    producer: "Ministère de la Santé (list of 27 June 2025), counts per région stated by ARS and press pages",
    vintage: "2025-06-27",
    licence: QUOTED,
    url: null,
    importCommand: "npm run import -- zones-rouges-expected FILE",
  },
  "sas-departements": {
    title: "SAS (service d'accès aux soins) per département: name, operators, opening date and status as ARS and press pages state them",
    producer: "ARS, URPS and press pages (one source per page)",
    vintage: "2020–2026 (dates per statement)",
    licence: QUOTED,
    url: null,
    importCommand: "npm run import -- sas-departements FILE",
  },
  "sas-counts": {
    title: "National counts of operational SAS, dated",
    producer: "Ministère de la Santé / DGOS, as reported by the press and the ministry's releases",
    vintage: "2021-06-18 to 2024-10-01",
    licence: QUOTED,
    url: null,
    importCommand: "npm run import -- sas-counts FILE",
  },
  "sas-platforms": {
    title: "List of SAS platforms with the départements each covers",
    producer: "Ministère de la Santé",
    vintage: "(--vintage of the import)",
    licence: "As given on import (--licence)",
    url: null,
    importCommand: "npm run import -- sas-platforms FILE --vintage YYYY",
  },
  pdsa: {
    title: "PDSA participation (share of GPs volunteering for out-of-hours care), per département and nationally",
    producer: "CNOM, enquête sur la permanence des soins ambulatoires, as reported by egora",
    vintage: "2022-12-31 and 2023-12-31",
    licence: "Figures quoted from the publication (CNOM survey; no open licence)",
    url: "https://egora.fr/actus-pro/acces-aux-soins/gardes-nette-hausse-du-nombre-de-medecins-liberaux-volontaires-en-2023",
    importCommand: "npm run import -- pdsa FILE [--vintage YYYY]",
  },
  rpps: {
    title: "RPPS extraction (Annuaire santé): health professionals per commune of activity",
    producer: "ANS (Agence du numérique en santé), RPPS",
    vintage: "(date of the extraction)",
    licence: ETALAB,
    url: "https://annuaire.sante.fr",
    importCommand: "npm run import -- rpps FILE",
  },
  "published-figures": {
    title: "Published figures of 2025–2026 reports on access to care (national and local), each with its source",
    producer: "CNOM Atlas, AMF–Mutualité Française barometer, DREES, Sénat, Ipsos, ARS Occitanie, egora…",
    vintage: "2012–2026 (per figure)",
    licence: "Figures quoted from the publications",
    url: null,
    importCommand: "npm run seed",
  },
  initiatives: {
    title: "Local initiatives named in 2025 reports, with the organizations that carry them",
    producer: "2025 reports (Mutualité Française, ARS, press)",
    vintage: "2025",
    licence: "Facts quoted from the publications",
    url: null,
    importCommand: "npm run seed (then partners' writes)",
  },
};

export interface DatasetLoad {
  /** File name(s) loaded, without their folder. */
  file: string;
  /** Data lines read from the file (header excluded). */
  rows: number;
  /** The load's own reference date (--vintage), when it has one. */
  vintage?: string;
  /** What the load changed: the load date moves only when something did, so that re-running a seed changes nothing. */
  changes: Pick<SyncCounts, "added" | "changed" | "removed">;
  /** --producer, --title, --url, --licence given on the command line. */
  overrides?: { producer?: string; title?: string; url?: string; licence?: string };
}

/** The file names of a load, as the catalogue prints them. */
export const fileNames = (...files: string[]) => files.map((f) => path.basename(f)).join(" + ");

/** Records a load of a dataset in the catalogue (table `dataset`), in the caller's transaction or on its own. */
export async function recordDataset(db: DataSource | EntityManager, id: string, load: DatasetLoad): Promise<void> {
  const definition = DATASET_DEFINITIONS[id];
  if (!definition) throw new Error(`dataset "${id}" has no catalogue definition`);
  const manager = "manager" in db ? db.manager : db;
  const [before] = (await manager.query(bindMarkers("SELECT loaded_at FROM dataset WHERE id = ?", isPostgres(manager)), [id])) as { loaded_at: string }[];
  const changed = load.changes.added + load.changes.changed + load.changes.removed > 0;
  const o = load.overrides ?? {};
  await syncTable(
    manager,
    [
      {
        id,
        title: o.title ?? definition.title,
        producer: o.producer ?? definition.producer,
        vintage: load.vintage ?? definition.vintage,
        licence: o.licence ?? definition.licence,
        url: o.url ?? definition.url,
        file: load.file,
        row_count: load.rows,
        loaded_at: before && !changed ? before.loaded_at : new Date().toISOString(),
        import_command: definition.importCommand,
      },
    ],
    { table: "dataset", key: ["id"], columns: ["id", "title", "producer", "vintage", "licence", "url", "file", "row_count", "loaded_at", "import_command"] },
  );
}

/** Data lines of a bundled CSV file (header excluded), as the catalogue reports them. */
export async function countCsvRecords(file: string): Promise<number> {
  let n = 0;
  for await (const _ of readCsv(file)) n++;
  return n;
}
