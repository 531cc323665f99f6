import type { Row } from "./lib/sync-table";

export interface SourceRecord {
  id: string;
  producer: string;
  title: string;
  vintage: string;
  vintageInferred?: boolean;
  /** Date the page or file reporting the figures was published, when it differs from the data's date. */
  publishedOn?: string;
  note?: string;
  url?: string;
  licence?: string;
}

export const ETALAB = "Licence Ouverte / Etalab 2.0";

/** Sources of the bundled datasets (see seeds/data and seeds/README.md). */
export const SOURCES = {
  rpps: {
    id: "drees-rpps-2022",
    producer: "DREES (Répertoire partagé des professionnels de santé, RPPS)",
    title: "La démographie des professionnels de santé: médecins en activité par département et spécialité agrégée",
    vintage: "2022-01-01",
    vintageInferred: true,
    note:
      "Vintage not stated in the file; inferred: 228,846 doctors and about 100,000 GPs nationally, densities and " +
      "implied populations match 1 January 2022 (PLFSS/REPSS). Densities use DREES's own population.",
    url: "https://data.drees.solidarites-sante.gouv.fr (copy: github.com/vivadata/san-ter, dev2/Effectifs.csv and dev2/Densite.csv, commit 95d5d5d)",
    licence: ETALAB,
  },
  cnom2025: {
    id: "cnom-2025",
    producer: "CNOM (Conseil national de l'Ordre des médecins)",
    title: "Approche territoriale des spécialités médicales et chirurgicales: densité par spécialité et département",
    vintage: "2025-01-01",
    note: "Densities only, per 100,000 inhabitants; regular activity (lower than the Atlas 2025 headline figures); Mayotte absent.",
    url: "https://www.conseil-national.medecin.fr (copy: github.com/LoicWebsite/ecn, mySQL/Densite - data.sql, commit 798becb)",
    licence: "Not open: CNOM publication; the copy is CC BY-NC-SA 4.0 (non-commercial). Check before any commercial use.",
  },
  cnom2010: {
    id: "cnom-2010",
    producer: "CNOM (Conseil national de l'Ordre des médecins)",
    title: "Approche territoriale des spécialités médicales et chirurgicales: densité par spécialité et département (2010 column)",
    vintage: "2010",
    note: "The 2010 column of the same CNOM study, for comparison with 2025. Mayotte absent.",
    url: "https://www.conseil-national.medecin.fr (copy: github.com/LoicWebsite/ecn, mySQL/Densite - data.sql, commit 798becb)",
    licence: "Not open: CNOM publication; the copy is CC BY-NC-SA 4.0 (non-commercial). Check before any commercial use.",
  },
  cnam: {
    id: "cnam-liberaux-2024",
    producer: "CNAM (Assurance Maladie), data.ameli.fr",
    title: "Professionnels de santé libéraux: effectif et densité par territoire (2024, tous âges, tous sexes)",
    vintage: "2024",
    note:
      "Liberal and mixed practitioners only, not salaried ones. Densities per 100,000 of the population each profession serves: " +
      "inhabitants for most, children for pédiatres, women for gynécologues and sages-femmes (see each figure's densityBase). " +
      "The file's France and région rows are served as published.",
    url: "https://data.ameli.fr/explore/dataset/demographie-effectifs-et-les-densites (copy: github.com/timotheebarnaud/deserts-medicaux, data/raw/toutes_specialites_departement.csv, commit 9a10c8b)",
    licence: ETALAB,
  },
  apl: {
    id: "drees-apl-2023",
    producer: "DREES",
    title: "Accessibilité potentielle localisée (APL) aux médecins généralistes, par commune, tous âges",
    vintage: "2023",
    vintageInferred: true,
    note:
      "Consultations per year per standardised inhabitant. Year not stored in the file: most likely APL 2023 " +
      "(population base INSEE RP2021). Mayotte is not covered by DREES. Paris, Lyon and Marseille are given by arrondissement.",
    url: "https://data.drees.solidarites-sante.gouv.fr/explore/dataset/530_l-accessibilite-potentielle-localisee-apl/ (copy: github.com/R-midolli/france-healthcare-access, data/processed/communes_enriched.parquet, commit 5d56d5c)",
    licence: ETALAB,
  },
  aplWeighted: {
    id: "drees-apl-2023-weighted",
    producer: "territoire-santé, from DREES APL 2023",
    title: "APL aux médecins généralistes: population-weighted mean of the communes' APL",
    vintage: "2023",
    vintageInferred: true,
    note:
      "Computed by this API: sum(APL × population) / sum(population) over the rows of the DREES file that fall in the territory " +
      "(communes, arrondissements, or the former communes of a merged commune), with the INSEE RP2021 populations of the same file. " +
      "Rows without a population are left out of the mean.",
    url: "https://data.drees.solidarites-sante.gouv.fr/explore/dataset/530_l-accessibilite-potentielle-localisee-apl/",
    licence: ETALAB,
  },
  zonesRouges2025: {
    id: "ministere-zones-rouges-2025",
    producer: "Ministère de la Santé",
    title: "Pacte de lutte contre les déserts médicaux: liste des 151 intercommunalités « zones rouges » (mission de solidarité territoriale)",
    vintage: "2025-06-27",
    note: "The official file is not available to us: designations are loaded from the public pages that name each EPCI (see each zone's own source).",
    url: "https://sante.gouv.fr",
    licence: "Public information",
  },
} satisfies Record<string, SourceRecord>;

/** The barometer files: one indicator each. */
export const BAROMETER_INDICATORS = [
  { file: "barometre-ind587-sas-couverture-population.csv", code: "IND-587", indicator: "sas-coverage", label: "Population covered by a SAS (service d'accès aux soins)", unit: "%", commit: "c469c68" },
  { file: "barometre-ind311-maisons-de-sante-msp.csv", code: "IND-311", indicator: "maisons-de-sante", label: "Maisons de santé pluriprofessionnelles (MSP)", unit: "count", commit: "572cec5" },
  { file: "barometre-ind318-centres-de-sante-pluripro.csv", code: "IND-318", indicator: "centres-de-sante", label: "Multi-professional centres de santé (with at least one GP)", unit: "count", commit: "572cec5" },
  { file: "barometre-ind589-cpts-couverture-population.csv", code: "IND-589", indicator: "cpts-coverage", label: "Population covered by a CPTS (communauté professionnelle territoriale de santé)", unit: "%", commit: "cae7172" },
  { file: "barometre-ind312-ald-avec-medecin-traitant.csv", code: "IND-312", indicator: "ald-with-medecin-traitant", label: "Patients with a long-term condition (ALD) who have a médecin traitant", unit: "%", commit: "cae7172" },
  { file: "barometre-ind679-assistants-medicaux.csv", code: "IND-679", indicator: "assistants-medicaux", label: "Assistants médicaux (medical assistants working with doctors)", unit: "count", commit: "f63b4a9" },
] as const;

export function barometerSource(b: (typeof BAROMETER_INDICATORS)[number], lastDate: string): SourceRecord {
  return {
    id: `ditp-barometre-${b.code.toLowerCase()}`,
    producer: "DITP (Premier ministre), Baromètre des résultats de l'action publique; data from the Ministère de la Santé, DGOS and CNAM",
    title: `${b.label} (${b.code}), per département, région and France`,
    vintage: lastDate,
    note:
      "Monthly or half-yearly values. Columns inferred: indic_va = value, indic_vi = initial value, indic_vc = target. " +
      "Rows dated 2026-12-01 usually carry only a target.",
    url: `https://github.com/DITP-pilotage/barometre-resultats (data/${b.code.toLowerCase()}.csv, commit ${b.commit})`,
    licence: ETALAB,
  };
}

/** What the command line may set on an imported source: --producer, --title, --url, --licence. */
export interface SourceOverrides {
  producer?: string;
  title?: string;
  url?: string;
  licence?: string;
}

/** The source of an imported vintage: the command line's options over the importer's defaults. */
export function sourceFor(id: string, vintage: string, defaults: SourceOverrides & { producer: string; title: string }, overrides: SourceOverrides): SourceRecord {
  return {
    id,
    producer: overrides.producer ?? defaults.producer,
    title: overrides.title ?? defaults.title,
    vintage,
    url: overrides.url ?? defaults.url,
    licence: overrides.licence ?? defaults.licence,
  };
}

export function sourceRow(s: SourceRecord): Row {
  return {
    id: s.id,
    producer: s.producer,
    title: s.title,
    vintage: s.vintage,
    vintage_inferred: s.vintageInferred ?? false,
    published_on: s.publishedOn ?? null,
    note: s.note ?? null,
    url: s.url ?? null,
    licence: s.licence ?? null,
  };
}

export const SOURCE_COLUMNS = ["id", "producer", "title", "vintage", "vintage_inferred", "published_on", "note", "url", "licence"];
