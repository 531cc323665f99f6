import type { SourceRecord } from "../sources";

/**
 * Published figures on access to care, transcribed from the 2025 reports named in the
 * project's domain brief. Each figure keeps the producer and date the report gives.
 */
export const FIGURE_SOURCES = {
  cnomAtlas: {
    id: "cnom-atlas-2025",
    producer: "CNOM (Atlas de la démographie médicale 2025), relayed by the AMF–Mutualité Française santé-social barometer (3rd edition, 20 Nov 2025)",
    title: "Atlas de la démographie médicale en France, situation au 1er janvier 2025",
    vintage: "2025-01-01",
    note: "Doctors in total activity; differs slightly from the DREES RPPS file (99,939 GPs) by scope and date.",
    url: "https://www.conseil-national.medecin.fr/publications/communiques-presse/atlas-demographie-medicale",
    licence: "Figures quoted from the publication",
  },
  amfBarometer: {
    id: "amf-mutualite-barometre-2025",
    producer: "AMF – Mutualité Française",
    title: "Baromètre santé-social 2025 (3rd edition)",
    vintage: "2025",
    publishedOn: "2025-11-20",
    licence: "Figures quoted from the publication",
  },
  senat: {
    id: "senat-2024",
    producer: "Sénat",
    title: "Report on access to care (2024): age of general practitioners",
    vintage: "2024",
    licence: "Figures quoted from the publication",
  },
  dreesSurvey: {
    id: "drees-2023-medecins-traitants",
    producer: "DREES",
    title: "Survey of general practitioners (2023): refusals of new patients as médecin traitant",
    vintage: "2023",
    licence: "Figures quoted from the publication",
  },
  insee: {
    id: "insee-installation-jeunes-generalistes",
    producer: "INSEE",
    title: "Where young liberal GPs settle",
    vintage: "n.d.",
    note: "The brief gives no year for this figure.",
    licence: "Figures quoted from the publication",
  },
  accessReports2025: {
    id: "acces-aux-soins-2025",
    producer: "2025 reports on access to care (AMF–Mutualité Française barometer, Assurance maladie)",
    title: "Renoncement aux soins, déserts médicaux, médecin traitant: figures quoted in 2025 reports",
    vintage: "2025",
    note: "The brief quotes these figures without naming the producer of each one; the Observatoire des territoires figure is its own source.",
    licence: "Figures quoted from the publications",
  },
  observatoireTerritoires: {
    id: "observatoire-des-territoires",
    producer: "Observatoire des territoires (ANCT)",
    title: "Population living in a medical desert",
    vintage: "2025",
    licence: "Licence Ouverte / Etalab 2.0",
  },
  ipsos: {
    id: "ipsos-2024-03",
    producer: "Ipsos",
    title: "Access time to care, rural vs urban (March 2024)",
    vintage: "2024-03",
    licence: "Figures quoted from the publication",
  },
  pacte: {
    id: "ministere-pacte-2025",
    producer: "Ministère de la Santé (Pacte de lutte contre les déserts médicaux)",
    title: "Pacte de lutte contre les déserts médicaux: list of the 151 zones rouges (27 June 2025)",
    vintage: "2025-06-27",
    // No address: the list's page or file is not reachable here (SOURCES.md, "Searched for, not found").
    note: "The ministry's list of 27 June 2025: 151 EPCI, 2,539,784 inhabitants, average density 67 inhabitants/km² (DOMAIN.md).",
    licence: "Figures quoted from the publication",
  },
  pacteMissionTerms: {
    id: "ministere-missions-solidarite-2025-09",
    producer: "Ministère de la Santé (Pacte de lutte contre les déserts médicaux)",
    title: "Missions de solidarité territoriale: terms for volunteer doctors (from September 2025)",
    vintage: "2025-09",
    note: "Up to 2 days a month in a zone rouge, paid 200 € a day, without dépassement d'honoraires (DOMAIN.md); no page address is given for them.",
    licence: "Figures quoted from the publication",
  },
  pacteMissionCounts: {
    id: "ministere-missions-solidarite-2025-11",
    producer: "Ministère de la Santé (Pacte de lutte contre les déserts médicaux)",
    title: "Missions de solidarité territoriale: doctors registered and consultations by November 2025",
    vintage: "2025-11",
    note: "About 200 doctors registered and about 1,000 consultations by November 2025 (DOMAIN.md, which names no page for these counts).",
    licence: "Figures quoted from the publication",
  },
  arsOccitanie: {
    id: "ars-occitanie-2025",
    producer: "ARS Occitanie, as reported by Occitanie Tribune",
    title: "HÉRAULT - Occitanie : 28 zones en guerre contre les déserts médicaux (Occitanie Tribune, 27 Jun 2025)",
    vintage: "2025-06-27",
    publishedOn: "2025-06-27",
    note:
      "The ARS's zones prioritaires of the ministry's list of 27 June 2025. The ARS gives 323,497 inhabitants " +
      "(SOURCES.md §14 and zones-rouges-2025-regions.csv), the value served here; DOMAIN.md rounds it to 323,000.",
    url: "https://www.occitanie-tribune.com/articles/53057/herault-occitanie-zones-en-guerre-contre-les-deserts-medicaux",
    licence: "Figures quoted from a press article",
  },
  cnomPdsa: {
    id: "cnom-enquete-pdsa",
    producer: "CNOM (Conseil national de l'Ordre des médecins)",
    title: "Enquête sur l'état de la permanence des soins ambulatoires (PDSA)",
    vintage: "2024",
    note:
      "Share of GPs taking part in the PDSA (out-of-hours care rota), as the 2024 survey reports it, with its comparison with 2012. " +
      "The 2022 and 2023 figures come from their own surveys, loaded with the pages that report them (npm run import -- pdsa).",
    url: "https://www.conseil-national.medecin.fr",
    licence: "Figures quoted from the publication",
  },
  sas: {
    id: "sas-2025",
    producer: "Ministère de la Santé / CNOM (councils' survey)",
    title: "Service d'accès aux soins (SAS): deployment and appreciation, 2021–2025",
    vintage: "2025",
    note:
      "Deployment milestones (pilot sites, February 2023) and the 2025 platform and councils' figures, as DOMAIN.md gives them, without a page. " +
      "The 2025 count (92 SAS for 93 départements) is the AMF–Mutualité Française barometer's (amf-mutualite-barometre-2025). The dated national " +
      "counts of 2021–2024 are loaded from sas-national-counts.csv, each with the page that gives it (npm run import -- sas-counts).",
    licence: "Figures quoted from the publications",
  },
  egoraSolidarity2026: {
    id: "egora-solidarite-territoriale-2026-02",
    producer: "egora (press), reporting the ministry's counts of the missions de solidarité territoriale",
    title: "Solidarité territoriale des médecins : seulement 6500 consultations depuis octobre (egora, 17 Feb 2026)",
    vintage: "2026-02",
    note: "Counts by mid-February 2026: about 300 doctors and 6,500 consultations since the missions started.",
    licence: "Figures quoted from a press article",
  },
} satisfies Record<string, SourceRecord>;

type SourceKey = keyof typeof FIGURE_SOURCES;

export interface IndicatorDefinition {
  id: string;
  label: string;
  unit: string;
  description: string;
}

export interface PublishedFigure {
  indicator: string;
  territory: string;
  date: string;
  value: number;
  source: SourceKey;
  note?: string;
}

export const INDICATOR_DEFINITIONS: IndicatorDefinition[] = [
  { id: "gp-count", label: "General practitioners in activity", unit: "doctors", description: "General practitioners (médecins généralistes) in activity on the date." },
  { id: "gp-count-change-vs-2023", label: "Change in GPs in activity since 2023", unit: "doctors", description: "Difference with the count two years earlier." },
  { id: "gp-count-change-vs-2020-percent", label: "GPs in activity compared with 2020", unit: "%", description: "Relative change since 2020: negative means fewer GPs than in 2020." },
  { id: "doctors-registered", label: "Doctors registered with the Ordre des médecins", unit: "doctors", description: "All doctors on the Ordre's register, active or not." },
  { id: "gp-density", label: "General practitioners per 100,000 inhabitants", unit: "per 100,000 inhabitants", description: "GP density (CNOM Atlas headline figure, total activity)." },
  { id: "gp-over-60-share", label: "GPs in activity aged over 60", unit: "%", description: "Share of GPs in activity who are over 60: many will retire soon." },
  { id: "gps-refusing-new-patients", label: "Doctors who must refuse new patients as médecin traitant", unit: "%", description: "Share of doctors saying they must refuse to become the médecin traitant (regular doctor) of new patients." },
  { id: "young-gps-near-large-cities", label: "Young liberal GPs settling near large cities", unit: "%", description: "Share of young liberal GPs who settle in the catchment area of a city over 200,000 inhabitants." },
  { id: "care-delayed-or-foregone", label: "People who delayed or gave up care", unit: "%", description: "Share of French people who delayed or gave up care in the last 12 months." },
  { id: "care-delayed-or-foregone-change", label: "Change in people who delayed or gave up care", unit: "percentage points", description: "Change over one year." },
  { id: "population-in-medical-deserts", label: "Population in territories classified as medical deserts", unit: "%", description: "Share of the population living in territories classified as medical deserts (broad definition)." },
  { id: "population-in-medical-deserts-observatoire", label: "Population in a medical desert (Observatoire des territoires)", unit: "%", description: "Share of the population in a medical desert by the Observatoire des territoires' stricter measure." },
  { id: "people-without-medecin-traitant", label: "People without a médecin traitant", unit: "people", description: "People with no declared médecin traitant (regular doctor)." },
  { id: "ald-patients-without-medecin-traitant", label: "Patients with a long-term condition (ALD) without a médecin traitant", unit: "people", description: "Patients in ALD (affection de longue durée) with no médecin traitant." },
  { id: "rural-access-time-excess", label: "Extra access time to care in rural areas", unit: "%", description: "How much longer, on average, rural people take to reach care than urban people." },
  { id: "zones-rouges-count", label: "Zones rouges (EPCI)", unit: "EPCI", description: "Intercommunalités designated as zones rouges, the most vulnerable for access to care." },
  { id: "zones-rouges-population", label: "Inhabitants of the zones rouges", unit: "inhabitants", description: "Population of the EPCI designated as zones rouges." },
  { id: "zones-rouges-density", label: "Average population density of the zones rouges", unit: "inhabitants per km²", description: "Mostly rural territories." },
  { id: "solidarity-volunteer-doctors", label: "Doctors registered for solidarity missions", unit: "doctors", description: "Volunteer doctors (active or retired) registered to consult in zones rouges." },
  { id: "solidarity-consultations", label: "Consultations given in solidarity missions", unit: "consultations", description: "Consultations given by volunteer doctors in zones rouges." },
  { id: "solidarity-daily-pay", label: "Pay per day of solidarity mission", unit: "€ per day", description: "Paid to a volunteer doctor per day, without dépassement d'honoraires (extra fees)." },
  { id: "solidarity-max-days-per-month", label: "Maximum days of solidarity mission per month", unit: "days per month", description: "Days a volunteer doctor can give each month." },
  { id: "pdsa-participation", label: "GPs taking part in the PDSA", unit: "%", description: "Share of GPs taking part in the permanence des soins ambulatoires: the rota that covers evenings, nights and weekends." },
  { id: "pdsa-participating-gps", label: "GPs taking part in the PDSA", unit: "doctors", description: "Number of GPs taking part in the PDSA rota." },
  { id: "pdsa-eligible-gps", label: "GPs counted by the PDSA survey", unit: "doctors", description: "GPs the PDSA survey counted (the base of the participation rate)." },
  { id: "sas-count", label: "SAS in operation", unit: "SAS", description: "Services d'accès aux soins in operation (pilots first, then the national roll-out)." },
  { id: "sas-departments-covered", label: "Départements covered by a SAS", unit: "départements", description: "Départements where a SAS answers unscheduled-care requests." },
  { id: "sas-population-covered", label: "Population covered by a SAS", unit: "%", description: "Share of the population covered by a SAS." },
  { id: "sas-appointments-booked", label: "Appointments booked through the SAS platform", unit: "appointments", description: "Appointments booked through the national SAS platform." },
  { id: "sas-councils-fully-satisfied", label: "Ordre councils fully satisfied with the SAS", unit: "%", description: "Share of the Ordre's departmental councils that find the SAS fully satisfactory." },
  { id: "sas-councils-not-working", label: "Ordre councils saying the SAS does not work properly", unit: "%", description: "Share of the Ordre's departmental councils saying the SAS does not work properly." },
];

export const PUBLISHED_FIGURES: PublishedFigure[] = [
  { indicator: "gp-count", territory: "FR", date: "2025-01-01", value: 100019, source: "cnomAtlas" },
  { indicator: "gp-count-change-vs-2023", territory: "FR", date: "2025-01-01", value: 520, source: "cnomAtlas" },
  { indicator: "gp-count-change-vs-2020-percent", territory: "FR", date: "2025-01-01", value: -1.3, source: "cnomAtlas" },
  { indicator: "doctors-registered", territory: "FR", date: "2025-01-01", value: 241255, source: "cnomAtlas" },
  { indicator: "gp-density", territory: "FR", date: "2025-01-01", value: 146, source: "cnomAtlas" },
  { indicator: "gp-density", territory: "FR", date: "2020", value: 150, source: "cnomAtlas" },
  { indicator: "gp-density", territory: "department:05", date: "2025-01-01", value: 288, source: "cnomAtlas", note: "Highest density (Hautes-Alpes)." },
  { indicator: "gp-density", territory: "department:976", date: "2025-01-01", value: 39, source: "cnomAtlas", note: "Lowest density (Mayotte)." },
  { indicator: "gp-over-60-share", territory: "FR", date: "2024", value: 30.7, source: "senat" },
  { indicator: "gp-over-60-share", territory: "FR", date: "2018", value: 24, source: "senat" },
  { indicator: "gps-refusing-new-patients", territory: "FR", date: "2023", value: 65, source: "dreesSurvey" },
  { indicator: "gps-refusing-new-patients", territory: "FR", date: "2019", value: 53, source: "dreesSurvey" },
  { indicator: "young-gps-near-large-cities", territory: "FR", date: "n.d.", value: 57, source: "insee" },
  { indicator: "care-delayed-or-foregone", territory: "FR", date: "2025", value: 65, source: "accessReports2025" },
  { indicator: "care-delayed-or-foregone-change", territory: "FR", date: "2025", value: 3, source: "accessReports2025", note: "Change from 2024 to 2025." },
  { indicator: "population-in-medical-deserts", territory: "FR", date: "2025", value: 87, source: "accessReports2025" },
  { indicator: "population-in-medical-deserts-observatoire", territory: "FR", date: "2025", value: 11.6, source: "observatoireTerritoires" },
  { indicator: "people-without-medecin-traitant", territory: "FR", date: "2025", value: 6000000, source: "accessReports2025", note: "About 6 million." },
  { indicator: "people-without-medecin-traitant", territory: "FR", date: "2023", value: 6700000, source: "accessReports2025" },
  { indicator: "ald-patients-without-medecin-traitant", territory: "FR", date: "2025", value: 400000, source: "accessReports2025", note: "About 400,000." },
  { indicator: "ald-patients-without-medecin-traitant", territory: "FR", date: "2023", value: 650000, source: "accessReports2025" },
  { indicator: "rural-access-time-excess", territory: "FR", date: "2024-03", value: 52, source: "ipsos" },
  { indicator: "zones-rouges-count", territory: "FR", date: "2025-06-27", value: 151, source: "pacte" },
  { indicator: "zones-rouges-population", territory: "FR", date: "2025-06-27", value: 2539784, source: "pacte" },
  { indicator: "zones-rouges-density", territory: "FR", date: "2025-06-27", value: 67, source: "pacte" },
  { indicator: "zones-rouges-count", territory: "region:76", date: "2025-06-27", value: 28, source: "arsOccitanie" },
  { indicator: "zones-rouges-population", territory: "region:76", date: "2025-06-27", value: 323497, source: "arsOccitanie", note: "The ARS's figure; DOMAIN.md rounds it to 323,000." },
  { indicator: "solidarity-volunteer-doctors", territory: "FR", date: "2025-11", value: 200, source: "pacteMissionCounts", note: "About 200." },
  { indicator: "solidarity-consultations", territory: "FR", date: "2025-11", value: 1000, source: "pacteMissionCounts", note: "About 1,000." },
  { indicator: "solidarity-volunteer-doctors", territory: "FR", date: "2026-02", value: 300, source: "egoraSolidarity2026", note: "About 300, by mid-February 2026." },
  { indicator: "solidarity-consultations", territory: "FR", date: "2026-02", value: 6500, source: "egoraSolidarity2026", note: "About 6,500 since October 2025, by mid-February 2026." },
  { indicator: "solidarity-daily-pay", territory: "FR", date: "2025-09", value: 200, source: "pacteMissionTerms" },
  { indicator: "solidarity-max-days-per-month", territory: "FR", date: "2025-09", value: 2, source: "pacteMissionTerms" },
  { indicator: "pdsa-participation", territory: "FR", date: "2024", value: 39, source: "cnomPdsa" },
  { indicator: "pdsa-participation", territory: "FR", date: "2012", value: 73, source: "cnomPdsa" },
  { indicator: "pdsa-participation", territory: "department:75", date: "2024", value: 9, source: "cnomPdsa", note: "Lowest (Paris)." },
  { indicator: "pdsa-participation", territory: "department:88", date: "2024", value: 84, source: "cnomPdsa", note: "Highest (Vosges)." },
  { indicator: "sas-count", territory: "FR", date: "2025", value: 92, source: "amfBarometer" },
  { indicator: "sas-departments-covered", territory: "FR", date: "2025", value: 93, source: "amfBarometer" },
  { indicator: "sas-appointments-booked", territory: "FR", date: "2025", value: 85280, source: "sas" },
  { indicator: "sas-councils-fully-satisfied", territory: "FR", date: "2025", value: 21, source: "sas" },
  { indicator: "sas-councils-not-working", territory: "FR", date: "2025", value: 29, source: "sas" },
  { indicator: "sas-count", territory: "FR", date: "n.d.", value: 22, source: "sas", note: "Pilot sites, in 13 régions, before the national roll-out (the brief gives no date)." },
  { indicator: "sas-count", territory: "FR", date: "2023-02", value: 30, source: "sas" },
];
