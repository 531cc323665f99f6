import { InitiativeKind } from "../../src/entities/initiatives/initiative-kind";
import { OrganizationKind } from "../../src/entities/initiatives/organization-kind";
import type { SourceRecord } from "../sources";
import { FIGURE_SOURCES } from "./published-figures";

/**
 * The local initiatives named in 2025 reports (the project's domain brief), attached to their
 * real territories. EPCI are named as the reports name them and matched to their SIREN at load
 * time; a name that does not match exactly one EPCI stops the seed.
 */
export const INITIATIVE_SOURCES = {
  amfBarometer: FIGURE_SOURCES.amfBarometer,
  pacte: FIGURE_SOURCES.pacte,
  arsOccitanieMission: {
    id: "ars-occitanie-inegalites-2025",
    producer: "ARS Occitanie",
    title: "Mission against social inequalities in health (ARS Occitanie)",
    vintage: "2025",
    // Not the zones-rouges record (ars-occitanie-2025): that page says nothing of this mission.
    note: "Named among the local examples of 2025 reports (DOMAIN.md), which give no page address for it.",
    licence: "Facts quoted from public reports",
  },
  cpamIsere: {
    id: "cpam-isere-2025",
    producer: "Assurance maladie – CPAM de l'Isère",
    title: "Observatoire de l'accès aux soins: the care offer of Isère's EPCI and communes (2025)",
    vintage: "2025",
    note: "Local examples reported in 2025 with the CPAM de l'Isère's analysis ('look at the care offer of the EPCI, not of the commune').",
    licence: "Facts quoted from public reports",
  },
} satisfies Record<string, SourceRecord>;

export interface OrganizationSeed {
  id: string;
  name: string;
  kind: OrganizationKind;
  regionCode?: string;
}

export const ORGANIZATIONS: OrganizationSeed[] = [
  { id: "mgen", name: "MGEN", kind: OrganizationKind.MUTUELLE },
  { id: "mutualite-francaise", name: "Mutualité Française", kind: OrganizationKind.MUTUELLE },
  { id: "ministere-sante", name: "Ministère de la Santé", kind: OrganizationKind.STATE },
  { id: "ars-occitanie", name: "ARS Occitanie", kind: OrganizationKind.ARS, regionCode: "76" },
  { id: "ars-auvergne-rhone-alpes", name: "ARS Auvergne-Rhône-Alpes", kind: OrganizationKind.ARS, regionCode: "84" },
  { id: "cpam-isere", name: "CPAM de l'Isère", kind: OrganizationKind.CPAM },
  { id: "ordre-medecins-isere", name: "Conseil départemental de l'Ordre des médecins de l'Isère", kind: OrganizationKind.PROFESSIONAL_ORDER },
  { id: "commune-38464", name: "Commune de Saint-Victor-de-Cessieu", kind: OrganizationKind.COMMUNE },
  { id: "commune-38064", name: "Commune de Cessieu", kind: OrganizationKind.COMMUNE },
  { id: "epci-cc-lyon-saint-exupery-en-dauphine", name: "CC Lyon-Saint-Exupéry en Dauphiné", kind: OrganizationKind.EPCI },
];

/** Where an initiative runs: INSEE codes, EPCI names (matched to one SIREN), or the zones rouges of a département. */
export type PlaceSeed =
  | { region: string }
  | { department: string }
  | { commune: string }
  | { epciNamed: string }
  | { zonesRougesOfDepartment: string };

export interface InitiativeSeed {
  id: string;
  title: string;
  kind: InitiativeKind;
  summary: string;
  startedOn?: string;
  status: string;
  source: keyof typeof INITIATIVE_SOURCES;
  carriers: string[];
  places: PlaceSeed[];
}

const SOLIDARITY_SUMMARY =
  "Since September 2025, volunteer doctors (active or retired) consult up to two days a month in this zone rouge, " +
  "paid 200 € a day, without dépassement d'honoraires. A national platform matches volunteers and territories; the zone " +
  "needs consultation rooms, medical equipment and lodging for the doctors.";

/** The zones rouges the brief names, each with the solidarity mission that runs there. */
const SOLIDARITY_ZONES: { id: string; place: PlaceSeed; where: string }[] = [
  { id: "cazals-salviac", place: { epciNamed: "CC Cazals-Salviac" }, where: "CC Cazals-Salviac (Lot)" },
  { id: "causse-de-labastide-murat", place: { epciNamed: "CC du Causse de Labastide Murat" }, where: "CC du Causse de Labastide Murat (Lot)" },
  { id: "haut-allier-margeride", place: { epciNamed: "CC du Haut Allier Margeride" }, where: "CC du Haut Allier Margeride (Lozère)" },
  { id: "est-guyanais", place: { epciNamed: "CC de l'Est Guyanais" }, where: "CC de l'Est Guyanais (Guyane)" },
  { id: "ouest-guyanais", place: { epciNamed: "CC de l'Ouest Guyanais" }, where: "CC de l'Ouest Guyanais (Guyane)" },
  { id: "nord-basse-terre", place: { epciNamed: "CA du Nord Basse-Terre" }, where: "CA du Nord Basse-Terre (Guadeloupe)" },
  { id: "mayotte", place: { zonesRougesOfDepartment: "976" }, where: "the zones rouges of Mayotte" },
];

export const INITIATIVES: InitiativeSeed[] = [
  {
    id: "mgen-centre-de-sante-moulins",
    title: "MGEN health centre in Moulins",
    kind: InitiativeKind.HEALTH_CENTRE,
    summary: "A centre de santé run by the MGEN mutuelle in Moulins (Allier), in a city–hospital cooperation.",
    status: "running",
    source: "amfBarometer",
    carriers: ["mgen"],
    places: [{ commune: "03190" }],
  },
  {
    id: "buccobus-haute-saone",
    title: "Buccobus",
    kind: InitiativeKind.MOBILE_UNIT,
    summary: "A mobile dental bus touring the Haute-Saône.",
    status: "running",
    source: "amfBarometer",
    carriers: [],
    places: [{ department: "70" }],
  },
  {
    id: "ordonnance-verte-hauts-de-france",
    title: "Ordonnance verte",
    kind: InitiativeKind.ENVIRONMENTAL_HEALTH,
    summary: "A collective in Hauts-de-France working on food and endocrine disruptors.",
    status: "running",
    source: "amfBarometer",
    carriers: [],
    places: [{ region: "32" }],
  },
  {
    id: "stop-aux-polluants-bretagne",
    title: "Chez moi, je dis stop aux polluants",
    kind: InitiativeKind.ENVIRONMENTAL_HEALTH,
    summary: "Workshops on indoor pollutants in Bretagne.",
    status: "running",
    source: "amfBarometer",
    carriers: [],
    places: [{ region: "53" }],
  },
  {
    id: "premiers-secours-sante-mentale-agents-municipaux",
    title: "Mental-health first-aid training for municipal staff",
    kind: InitiativeKind.MENTAL_HEALTH_TRAINING,
    summary: "Training of municipal staff in mental-health first aid, run by the Mutualité Française with communes.",
    status: "running",
    source: "amfBarometer",
    carriers: ["mutualite-francaise"],
    places: [],
  },
  {
    id: "ateliers-bien-vieillir",
    title: "'Bien vieillir' workshops",
    kind: InitiativeKind.HEALTHY_AGEING,
    summary: "Workshops on nutrition and physical activity for seniors, run by the Mutualité Française with communes.",
    status: "running",
    source: "amfBarometer",
    carriers: ["mutualite-francaise"],
    places: [],
  },
  {
    id: "maison-medicale-saint-victor-de-cessieu",
    title: "Maison médicale of Saint-Victor-de-Cessieu and Cessieu",
    kind: InitiativeKind.MAISON_DE_SANTE,
    summary:
      "Opened in 2017 in Saint-Victor-de-Cessieu (Isère, 2,300 inhabitants) with the neighbouring commune of Cessieu: " +
      "5 doctors ten years ago, 10 now.",
    startedOn: "2017",
    status: "running",
    source: "cpamIsere",
    carriers: ["commune-38464", "commune-38064"],
    places: [{ commune: "38464" }],
  },
  {
    id: "incubateur-solidaire-pont-de-cheruy",
    title: "Solidarity health incubator of Pont-de-Chéruy",
    kind: InitiativeKind.HEALTH_INCUBATOR,
    summary:
      "Pont-de-Chéruy (Isère, about 6,000 inhabitants) has no doctor left. A crisis cell (ARS, intercommunalité, " +
      "Ordre des médecins, CPAM) is setting up a 'solidarity health incubator'.",
    status: "in preparation",
    source: "cpamIsere",
    carriers: ["ars-auvergne-rhone-alpes", "epci-cc-lyon-saint-exupery-en-dauphine", "ordre-medecins-isere", "cpam-isere"],
    places: [{ commune: "38316" }],
  },
  {
    id: "ars-occitanie-inegalites-sociales-de-sante",
    title: "Mission against social inequalities in health",
    kind: InitiativeKind.COORDINATION,
    summary: "ARS Occitanie's mission against social inequalities in health: a regional delegate, a regional commission and an external scientific committee.",
    status: "running",
    source: "arsOccitanieMission",
    carriers: ["ars-occitanie"],
    places: [{ region: "76" }],
  },
  ...SOLIDARITY_ZONES.map(
    (zone): InitiativeSeed => ({
      id: `mission-solidarite-${zone.id}`,
      title: `Mission de solidarité territoriale: ${zone.where}`,
      kind: InitiativeKind.SOLIDARITY_MISSION,
      summary: SOLIDARITY_SUMMARY,
      startedOn: "2025-09",
      status: "open to volunteers",
      source: "pacte",
      carriers: ["ministere-sante"],
      places: [zone.place],
    }),
  ),
];
