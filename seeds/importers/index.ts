import type { DataSource } from "typeorm";
import { fileNames, recordDataset } from "../catalogue";
import { ETALAB, SOURCES, sourceFor, type SourceOverrides } from "../sources";
import type { ImportSummary } from "./import-result";
import { importPdsa } from "./pdsa.importer";
import { importCnamLiberaux, importCnomDensities, importDreesProfessionals } from "./professionals.importer";
import { importRppsExtraction } from "./rpps-extraction.importer";
import { importSasCounts } from "./sas-counts.importer";
import { importSasDepartements } from "./sas-departements.importer";
import { importSasPlatforms } from "./sas-platforms.importer";
import { importZonesRouges } from "./zones-rouges.importer";
import { importZonesRougesExpected } from "./zones-rouges-expected.importer";

export interface ImportOptions extends SourceOverrides {
  replace?: boolean;
  vintage?: string;
  /** drees-professionals: the densities file that goes with the headcounts file. */
  density?: string;
  /** rpps: text encoding of the file (utf8 by default). */
  encoding?: string;
  onProgress?: (rows: number, bytesRead: number) => void;
}

export interface Importer {
  describe: string;
  run: (db: DataSource, file: string, options: ImportOptions) => Promise<ImportSummary>;
}

function requireVintage(options: ImportOptions, dataset: string): string {
  if (!options.vintage) throw new Error(`${dataset} needs --vintage (the year or date the figures describe)`);
  return options.vintage;
}

const ENCODINGS = new Set(["utf8", "utf-8", "latin1"]);

/** Every dataset `npm run import` accepts; seeds/README.md documents each file format. Each import updates the catalogue. */
export const IMPORTERS: Record<string, Importer> = catalogued({
  "zones-rouges": {
    describe: "EPCI designated as zones rouges: CSV with a `siren` column (see seeds/README.md). --replace drops zones not in the file.",
    run: (db, file, o) => importZonesRouges(db, file, { replace: o.replace, onProgress: o.onProgress }),
  },
  pdsa: {
    describe:
      "PDSA participation per département: CSV department,year,participation_percent[,participating_gps,eligible_gps,source_url,source_title] " +
      "(or the press format code_departement,annee_situation_31_decembre,taux_participation_pdsa_pct,…). Needs --vintage unless every line has a source_url.",
    run: (db, file, o) => importPdsa(db, file, o),
  },
  "sas-platforms": {
    describe: "SAS platforms: CSV id,name,departments (codes separated by ;)[,appointments_booked]. Replaces the list. Needs --vintage.",
    run: (db, file, o) => importSasPlatforms(db, file, { ...o, vintage: requireVintage(o, "sas-platforms") }),
  },
  "drees-professionals": {
    describe: "DREES/RPPS doctors per département and specialty group: the headcounts CSV, with --density DENSITY.csv and --vintage YYYY-MM-DD.",
    run: (db, file, o) => {
      const vintage = requireVintage(o, "drees-professionals");
      if (!o.density) throw new Error("drees-professionals needs --density FILE (the densities file of the same layout)");
      const source = sourceFor(`drees-rpps-${vintage.slice(0, 4)}`, vintage, {
        producer: SOURCES.rpps.producer,
        title: SOURCES.rpps.title,
        url: "https://data.drees.solidarites-sante.gouv.fr",
        licence: ETALAB,
      }, o);
      return importDreesProfessionals(db, file, { densityFile: o.density, source, onProgress: o.onProgress });
    },
  },
  "cnom-densities": {
    describe: "CNOM doctor densities per specialty and département: CSV specialite,code_departement,departement,densite_YYYY… (one source per year column).",
    run: (db, file, o) =>
      importCnomDensities(db, file, {
        onProgress: o.onProgress,
        sourceOf: (year) =>
          sourceFor(`cnom-${year}`, year, {
            producer: SOURCES.cnom2025.producer,
            title: SOURCES.cnom2025.title,
            url: "https://www.conseil-national.medecin.fr",
            licence: "Not open: CNOM publication. Check before any commercial use.",
          }, o),
      }),
  },
  "cnam-liberaux": {
    describe:
      "CNAM liberal practitioners per profession and département, with the producer's région and France lines (departement 999, region 99 for France) kept as published (data.ameli.fr CSV: annee, profession_sante, region, departement, effectif, densite).",
    run: (db, file, o) =>
      importCnamLiberaux(db, file, {
        onProgress: o.onProgress,
        sourceOf: (year) =>
          sourceFor(`cnam-liberaux-${year}`, year, {
            producer: "CNAM (Assurance Maladie), data.ameli.fr",
            title: `Professionnels de santé libéraux: effectif et densité par territoire (${year}, tous âges, tous sexes)`,
            url: "https://data.ameli.fr/explore/dataset/demographie-effectifs-et-les-densites",
            licence: ETALAB,
          }, o),
      }),
  },
  rpps: {
    describe: "National RPPS extraction (Annuaire santé PS_LibreAcces_Personne_activite_*.txt, pipe-separated): professionals per commune. --vintage defaults to the file name's date; --encoding latin1 for old files.",
    run: (db, file, o) => {
      if (o.encoding && !ENCODINGS.has(o.encoding)) throw new Error(`--encoding must be utf8 or latin1 (received "${o.encoding}")`);
      return importRppsExtraction(db, file, { ...o, encoding: o.encoding === "latin1" ? "latin1" : "utf8" });
    },
  },
  "zones-rouges-expected": {
    describe: "How many zones rouges each région has: CSV region_code,expected (empty = unknown),source_url[,region,source_title,note]. Replaces the previous counts.",
    run: (db, file, o) => importZonesRougesExpected(db, file, { vintage: o.vintage, onProgress: o.onProgress }),
  },
  "sas-departements": {
    describe: "What pages state about each département's SAS (format of sas-departements-2021-2025.csv): statements with their sources, and the SAS they name.",
    run: (db, file, o) => importSasDepartements(db, file, { onProgress: o.onProgress }),
  },
  "sas-counts": {
    describe: "Dated national counts of operational SAS: CSV date,sas_operational,source_url[,population_covered_pct,source_title,note].",
    run: (db, file, o) => importSasCounts(db, file, { onProgress: o.onProgress }),
  },
});

/** Each importer, recording its load in the dataset catalogue once it has committed. */
function catalogued(importers: Record<string, Importer>): Record<string, Importer> {
  return Object.fromEntries(
    Object.entries(importers).map(([kind, importer]) => [
      kind,
      {
        describe: importer.describe,
        run: async (db, file, o) => {
          const summary = await importer.run(db, file, o);
          await recordDataset(db, kind, {
            file: o.density ? fileNames(file, o.density) : fileNames(file),
            rows: summary.rows,
            vintage: o.vintage,
            changes: summary,
            overrides: { producer: o.producer, title: o.title, url: o.url, licence: o.licence },
          });
          return summary;
        },
      } satisfies Importer,
    ]),
  );
}
