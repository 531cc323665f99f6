/**
 * French first, English on request (`lang="en"`): numbers written `1 234,5` / `1,234.5`, dates
 * `27 juin 2025` / `27 June 2025`, as the maps write them (src/maps/locale.ts; a test checks both
 * agree). No DOM here: the tests run it in Node.
 */
export type Lang = "fr" | "en";

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with at most `decimals` decimals; French groups thousands with a no-break space (U+00A0). */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  const key = `${lang}${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format.format(value).replace(/\u202f/g, "\u00a0");
}

const MONTHS: Record<Lang, string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "2025-06-27" → "27 juin 2025" ("1er" for the first of a month), "2024-09" → "septembre 2024", "2023" → "2023"; anything else as it is. */
export function formatDate(date: string, lang: Lang): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year;
  const monthName = MONTHS[lang][Number(month) - 1];
  if (!monthName) return date;
  if (!day) return `${monthName} ${year}`;
  const dayNumber = Number(day);
  return `${lang === "fr" && dayNumber === 1 ? "1er" : dayNumber} ${monthName} ${year}`;
}

/** Units as the API gives them (English), in each language; others are printed as they are. */
const UNITS: Record<string, Record<Lang, string>> = {
  "consultations per year per standardised inhabitant": { fr: "consultations par an et par habitant standardisé", en: "consultations per year per standardised inhabitant" },
  "per 100,000 inhabitants": { fr: "pour 100 000 habitants", en: "per 100,000 inhabitants" },
};

export const unitText = (unit: string, lang: Lang): string => UNITS[unit]?.[lang] ?? unit;

/** Decimals a unit's figures are printed with. */
export const decimalsOf = (unit: string): number => (unit.startsWith("consultations") ? 2 : 1);

const KINDS: Record<string, [string, string]> = {
  COORDINATION: ["coordination", "coordination"],
  ENVIRONMENTAL_HEALTH: ["santé environnementale", "environmental health"],
  HEALTHY_AGEING: ["bien vieillir", "healthy ageing"],
  HEALTH_CENTRE: ["centre de santé", "health centre"],
  HEALTH_INCUBATOR: ["incubateur de santé", "health incubator"],
  MAISON_DE_SANTE: ["maison de santé", "maison de santé"],
  MENTAL_HEALTH_TRAINING: ["formation en santé mentale", "mental-health training"],
  MOBILE_UNIT: ["unité mobile", "mobile unit"],
  PREVENTION_PROGRAMME: ["prévention", "prevention programme"],
  SOLIDARITY_MISSION: ["mission de solidarité territoriale", "solidarity mission"],
};

export const kindText = (kind: string, lang: Lang): string => KINDS[kind]?.[lang === "fr" ? 0 : 1] ?? kind;

/** Every sentence a component prints, in both languages. */
export const TEXTS = {
  fr: {
    loading: "Chargement des données…",
    retry: "Réessayer",
    unknown: "non connu",
    sources: "Sources",
    licenceLine: "Licence Ouverte / Etalab 2.0 :",
    servedBy: "Données servies par territoire-santé.",
    noLicenceOuverte: "Aucune des données affichées n'est sous Licence Ouverte : voir les sources.",
    inhabitants: "habitants",
    population: "Population",
    populationSource: (producer: string, vintage: string) => `Populations : ${producer}, ${vintage}.`,
    designatedOn: (date: string) => `désignée le ${date}`,
    source: "source",
    vintageInferred: "millésime déduit",
    initiatives: "Initiatives",
    noInitiative: "Aucune initiative recensée par territoire-santé.",
    carriedBy: "portée par",
    recordedByPartner: "saisie par un partenaire",
    status: {
      confirmed: "zone rouge (confirmée)",
      unconfirmed: "zone rouge (non confirmée : lecture incertaine de sa source)",
      notDesignated: "non désignée (liste de la région complète)",
      unknown: "statut inconnu : absente de la liste connue, incomplète",
    },
    completeness: {
      incomplete: (known: number, expected: number) => `Liste incomplète : ${known} connues sur ${expected} attendues`,
      complete: (known: number, expected: number) => `Liste complète : ${known} connues sur ${expected} attendues`,
      unknownExpected: (known: number) => `Nombre attendu inconnu : ${known} connues, la liste peut être incomplète`,
      unconfirmed: (n: number) => ` (dont ${n} non confirmée${n > 1 ? "s" : ""})`,
      expectedFrom: (producer: string, date: string) => ` — nombre attendu : ${producer}, ${date}`,
    },
    zonesRouges: {
      title: (region: string) => `Zones rouges : ${region}`,
      intro: "Les EPCI les plus fragiles pour l'accès aux soins, désignés par le Pacte de lutte contre les déserts médicaux (liste du 27 juin 2025).",
      none: "Aucune zone rouge connue dans cette région.",
      listLabel: (region: string) => `Zones rouges connues : ${region}`,
    },
    territoire: {
      commune: (dept: string) => `Commune · ${dept}`,
      epci: "Intercommunalité (EPCI)",
      departement: (region: string) => `Département · ${region}`,
      formerCode: (code: string) => `cherchée par son ancien code ${code}`,
      epciOf: "Intercommunalité",
      noEpci: "n'appartient à aucune intercommunalité",
      zoneRouge: "Zone rouge",
      zonesRougesOfDept: "Zones rouges du département",
      noZoneRougeKnown: "aucune connue",
      gpDensity: (dept: string) => `Densité de médecins généralistes (${dept})`,
      apl: "Accessibilité aux généralistes (APL)",
      aplOf: (name: string) => `APL de ${name}`,
      initiativesNearby: "Initiatives à proximité",
      siren: "SIREN",
    },
    carte: {
      showTable: "Afficher le tableau des valeurs",
      hideTable: "Masquer le tableau des valeurs",
      tableLabel: (title: string) => `Tableau des valeurs : ${title}`,
      territory: "Territoire",
      value: "Valeur",
      source: "Source et millésime",
      mapLabel: (title: string) => `Carte : ${title}`,
    },
    errors: {
      unreachable: ["Données indisponibles", "Le service territoire-santé ne répond pas pour le moment. Réessayez dans quelques minutes."],
      rateLimited: ["Trop de demandes", (s: number | null) => `Le service reçoit trop de demandes de ce réseau. Réessayez ${s ? `dans ${s} secondes` : "dans une minute"}.`],
      unknownTerritory: ["Territoire inconnu", (what: string, code: string) => `Aucun${what === "region" ? "e région" : what === "commune" ? "e commune" : what === "epci" ? " EPCI" : " département"} n'a le code « ${code} ».`],
      invalidCode: ["Code invalide", (what: string, code: string) => `« ${code} » n'est pas ${CODE_HINTS.fr[what] ?? "un code valide"}.`],
      missing: ["Attribut manquant", (names: string[]) => `Indiquez ${names.join(" ou ")} sur l'élément.`],
      tooMany: ["Attributs incompatibles", (names: string[]) => `Un seul de ces attributs à la fois : ${names.join(", ")}.`],
      badAttribute: ["Attribut invalide", (name: string, value: string, valid: string) => `${name}="${value}" n'est pas accepté ; valeurs possibles : ${valid}.`],
      keyRefused: ["Clé refusée", "La clé d'intégration (attribut key) est inconnue ou révoquée."],
      originRefused: ["Site non autorisé", "Cette clé d'intégration n'est pas autorisée sur ce site : demandez à ajouter son adresse à la clé."],
      notRegistered: ["Version non reconnue", "L'API ne reconnaît pas les requêtes de ce script : vérifiez son adresse (…/embed/v1/territoire-sante.js)."],
      other: ["Erreur", (status: number) => `Les données n'ont pas pu être chargées (réponse ${status} de l'API).`],
    },
  },
  en: {
    loading: "Loading data…",
    retry: "Try again",
    unknown: "not known",
    sources: "Sources",
    licenceLine: "Licence Ouverte / Etalab 2.0 (Open Licence):",
    servedBy: "Data served by territoire-santé.",
    noLicenceOuverte: "None of the data shown is under the Licence Ouverte: see the sources.",
    inhabitants: "inhabitants",
    population: "Population",
    populationSource: (producer: string, vintage: string) => `Populations: ${producer}, ${vintage}.`,
    designatedOn: (date: string) => `designated on ${date}`,
    source: "source",
    vintageInferred: "vintage inferred",
    initiatives: "Initiatives",
    noInitiative: "No initiative listed by territoire-santé.",
    carriedBy: "carried by",
    recordedByPartner: "recorded by a partner",
    status: {
      confirmed: "zone rouge (confirmed)",
      unconfirmed: "zone rouge (unconfirmed: uncertain reading of its source)",
      notDesignated: "not designated (the région's list is complete)",
      unknown: "status unknown: not in the known list, which is incomplete",
    },
    completeness: {
      incomplete: (known: number, expected: number) => `Incomplete list: ${known} known of ${expected} expected`,
      complete: (known: number, expected: number) => `Complete list: ${known} known of ${expected} expected`,
      unknownExpected: (known: number) => `Expected count unknown: ${known} known, the list may be incomplete`,
      unconfirmed: (n: number) => ` (${n} unconfirmed)`,
      expectedFrom: (producer: string, date: string) => ` — expected count: ${producer}, ${date}`,
    },
    zonesRouges: {
      title: (region: string) => `Zones rouges: ${region}`,
      intro: "The EPCI where access to care is most fragile, designated under the Pacte de lutte contre les déserts médicaux (list of 27 June 2025).",
      none: "No zone rouge known in this région.",
      listLabel: (region: string) => `Known zones rouges: ${region}`,
    },
    territoire: {
      commune: (dept: string) => `Commune · ${dept}`,
      epci: "Intercommunality (EPCI)",
      departement: (region: string) => `Département · ${region}`,
      formerCode: (code: string) => `looked up by its former code ${code}`,
      epciOf: "Intercommunality",
      noEpci: "belongs to no intercommunality",
      zoneRouge: "Zone rouge",
      zonesRougesOfDept: "Zones rouges of the département",
      noZoneRougeKnown: "none known",
      gpDensity: (dept: string) => `GP density (${dept})`,
      apl: "Access to GPs (APL)",
      aplOf: (name: string) => `APL of ${name}`,
      initiativesNearby: "Initiatives nearby",
      siren: "SIREN",
    },
    carte: {
      showTable: "Show the table of values",
      hideTable: "Hide the table of values",
      tableLabel: (title: string) => `Table of values: ${title}`,
      territory: "Territory",
      value: "Value",
      source: "Source and vintage",
      mapLabel: (title: string) => `Map: ${title}`,
    },
    errors: {
      unreachable: ["Data unavailable", "The territoire-santé service is not answering right now. Try again in a few minutes."],
      rateLimited: ["Too many requests", (s: number | null) => `The service receives too many requests from this network. Try again ${s ? `in ${s} seconds` : "in a minute"}.`],
      unknownTerritory: ["Unknown territory", (what: string, code: string) => `No ${what === "region" ? "région" : what === "departement" ? "département" : what === "epci" ? "EPCI" : "commune"} has the code "${code}".`],
      invalidCode: ["Invalid code", (what: string, code: string) => `"${code}" is not ${CODE_HINTS.en[what] ?? "a valid code"}.`],
      missing: ["Missing attribute", (names: string[]) => `Give ${names.join(" or ")} on the element.`],
      tooMany: ["Conflicting attributes", (names: string[]) => `Only one of these attributes at a time: ${names.join(", ")}.`],
      badAttribute: ["Invalid attribute", (name: string, value: string, valid: string) => `${name}="${value}" is not accepted; valid values: ${valid}.`],
      keyRefused: ["Key refused", "The embed key (key attribute) is unknown or revoked."],
      originRefused: ["Site not allowed", "This embed key may not be used on this site: ask for its address to be added to the key."],
      notRegistered: ["Version not recognised", "The API does not recognise this script's requests: check its address (…/embed/v1/territoire-sante.js)."],
      other: ["Error", (status: number) => `The data could not be loaded (answer ${status} from the API).`],
    },
  },
} as const;

/** What a code attribute expects, for the "invalid code" message. */
const CODE_HINTS: Record<Lang, Record<string, string>> = {
  fr: {
    region: "un code de région INSEE (deux chiffres, ex. 76 pour l'Occitanie)",
    departement: "un code de département INSEE (ex. 46, 2A, 971)",
    commune: "un code de commune INSEE (cinq caractères, ex. 38316 ; pas le code postal)",
    epci: "un SIREN d'EPCI (neuf chiffres, ex. 200035327)",
  },
  en: {
    region: "an INSEE région code (two digits, e.g. 76 for Occitanie)",
    departement: "an INSEE département code (e.g. 46, 2A, 971)",
    commune: "an INSEE commune code (five characters, e.g. 38316; not the postal code)",
    epci: "an EPCI's SIREN (nine digits, e.g. 200035327)",
  },
};

export type Texts = (typeof TEXTS)[Lang];
