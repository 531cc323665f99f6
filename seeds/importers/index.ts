import type { DataSource } from "typeorm";
import type { ImportSummary } from "./import-result";
import { importPdsa } from "./pdsa.importer";
import { importSasPlatforms } from "./sas-platforms.importer";
import { importZonesRouges } from "./zones-rouges.importer";

export interface ImportOptions {
  replace?: boolean;
  vintage?: string;
  producer?: string;
  title?: string;
  url?: string;
  licence?: string;
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

/** Every dataset `npm run import` accepts; the README documents each file format. */
export const IMPORTERS: Record<string, Importer> = {
  "zones-rouges": {
    describe: "EPCI designated as zones rouges: CSV with a `siren` column (see README). --replace drops zones not in the file.",
    run: (db, file, o) => importZonesRouges(db, file, { replace: o.replace, onProgress: o.onProgress }),
  },
  pdsa: {
    describe: "PDSA participation per département: CSV department,year,participation_percent[,participating_gps,eligible_gps]. Needs --vintage.",
    run: (db, file, o) => importPdsa(db, file, { ...o, vintage: requireVintage(o, "pdsa") }),
  },
  "sas-platforms": {
    describe: "SAS platforms: CSV id,name,departments (codes separated by ;)[,appointments_booked]. Replaces the list. Needs --vintage.",
    run: (db, file, o) => importSasPlatforms(db, file, { ...o, vintage: requireVintage(o, "sas-platforms") }),
  },
};
