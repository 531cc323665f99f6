import {
  DEFAULT_MEASURE,
  LEVEL_MEASURES,
  MAP_FORMATS,
  MAP_LEVELS,
  type MapFormat,
  type MapLevel,
  type MapMeasureName,
  type MapRequest,
} from "../entities/care-offer/map-measure";
import { ProfessionalSource } from "../entities/shared/professional-source";
import { VINTAGE } from "../validation/vintage";
import { type Lang, LANGS } from "./locale";
import { badMapInput, badMapInputs, type MapInputIssue } from "./map-errors";
import type { ScopeRequest } from "./map-scope";

/** How the table alternative is sorted and whether it is a whole page or a fragment to embed. */
export interface TableOptions {
  sort: "name" | "code" | "value";
  order: "asc" | "desc";
  fragment: boolean;
}

/** A map request, checked: what to draw, where, in which language, and in which form. */
export interface MapQuery {
  level: MapLevel;
  format: MapFormat;
  measure: string;
  lang: Lang;
  scope: ScopeRequest;
  /** Département maps: producer, vintage, specialty, unconfirmed zones (MapRequest, as Measure.mapUrl writes it). */
  department: MapRequest | null;
  table: TableOptions;
}

const SORTS = ["name", "code", "value"] as const;
const ORDERS = ["asc", "desc"] as const;
const BOOLEANS = ["true", "false"] as const;
const FRAGMENT = ["1", "0", "true", "false"] as const;

/** The parameters each route takes. */
function parametersOf(level: MapLevel, format: MapFormat): string[] {
  return [
    "measure",
    "lang",
    "region",
    ...(level === "departements" ? ["source", "vintage", "specialty", "includeUnconfirmed"] : ["departement"]),
    ...(level === "communes" ? ["epci"] : []),
    ...(format === "html" ? ["sort", "order", "fragment"] : []),
  ];
}

const LEVEL_NAMES: Record<MapLevel, { fr: string; en: string }> = {
  departements: { fr: "des départements", en: "département" },
  epcis: { fr: "des EPCI", en: "EPCI" },
  communes: { fr: "des communes", en: "commune" },
};

/**
 * A route's path, "/epcis.svg": its level and format, or a 400 that lists the valid ones (an
 * unknown level is a client's mistake to correct, like an unknown measure).
 */
export function parseMapPath(name: string): { level: MapLevel; format: MapFormat } {
  const [level, format, ...rest] = name.split(".");
  const levelOk = (MAP_LEVELS as readonly string[]).includes(level);
  const formatOk = (MAP_FORMATS as readonly string[]).includes(format ?? "");
  if (levelOk && formatOk && rest.length === 0) return { level: level as MapLevel, format: format as MapFormat };
  const routes = MAP_LEVELS.flatMap((l) => MAP_FORMATS.map((f) => `/maps/${l}.${f}`));
  if (name === "") {
    throw badMapInput("level", `choisissez une carte : ${routes.join(", ")}`, `choose a map: ${routes.join(", ")}`, MAP_LEVELS);
  }
  if (!levelOk) {
    throw badMapInput(
      "level",
      `niveau de carte inconnu « ${level} » ; niveaux possibles : ${MAP_LEVELS.join(", ")} (adresses : ${routes.join(", ")})`,
      `unknown map level "${level}"; valid levels: ${MAP_LEVELS.join(", ")} (routes: ${routes.join(", ")})`,
      MAP_LEVELS,
    );
  }
  throw badMapInput(
    "format",
    `format inconnu « ${[format, ...rest].join(".")} » ; formats possibles : ${MAP_FORMATS.join(", ")} (p. ex. /maps/${level}.svg)`,
    `unknown format "${[format, ...rest].join(".")}"; valid formats: ${MAP_FORMATS.join(", ")} (e.g. /maps/${level}.svg)`,
    MAP_FORMATS,
  );
}

/** Checks a route's query string: every problem is reported at once, each with its parameter and, where they can be listed, the values it takes. */
export function parseMapQuery(level: MapLevel, format: MapFormat, query: Record<string, unknown>): MapQuery {
  const issues: MapInputIssue[] = [];
  const allowed = parametersOf(level, format);
  const text = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string") {
      issues.push({ argument: key, fr: `${key} doit être donné une seule fois, comme un texte`, en: `${key} must be given once, as a text` });
      return undefined;
    }
    return value;
  };
  const oneOf = <T extends string>(key: string, values: readonly T[], fallback: T): T => {
    const value = text(key);
    if (value === undefined) return fallback;
    if ((values as readonly string[]).includes(value)) return value as T;
    issues.push({ argument: key, fr: `${key} doit valoir ${values.join(", ")} (reçu « ${value} »)`, en: `${key} must be one of ${values.join(", ")} (received "${value}")`, validValues: values });
    return fallback;
  };

  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) {
      issues.push({
        argument: key,
        fr: `paramètre inconnu « ${key} » pour /maps/${level}.${format} ; paramètres possibles : ${allowed.join(", ")}`,
        en: `unknown parameter "${key}" for /maps/${level}.${format}; valid parameters: ${allowed.join(", ")}`,
        validValues: allowed,
      });
    }
  }

  const measure = text("measure") ?? DEFAULT_MEASURE[level];
  const measures = LEVEL_MEASURES[level];
  if (!measures.includes(measure)) {
    const elsewhere = MAP_LEVELS.filter((l) => LEVEL_MEASURES[l].includes(measure));
    issues.push(
      elsewhere.length > 0
        ? {
            argument: "measure",
            fr: `la mesure « ${measure} » n'a pas de donnée au niveau ${LEVEL_NAMES[level].fr} : elle se dessine sur ${elsewhere.map((l) => `/maps/${l}.${format}`).join(", ")} ; mesures de ce niveau : ${measures.join(", ")}`,
            en: `measure "${measure}" has no data at ${LEVEL_NAMES[level].en} level: it is drawn on ${elsewhere.map((l) => `/maps/${l}.${format}`).join(", ")}; measures of this level: ${measures.join(", ")}`,
            validValues: measures,
          }
        : {
            argument: "measure",
            fr: `mesure inconnue « ${measure} » ; mesures possibles au niveau ${LEVEL_NAMES[level].fr} : ${measures.join(", ")}`,
            en: `unknown measure "${measure}"; valid measures at ${LEVEL_NAMES[level].en} level: ${measures.join(", ")}`,
            validValues: measures,
          },
    );
  }
  const lang = oneOf("lang", LANGS, "fr");
  const scope: ScopeRequest = { region: text("region"), departement: text("departement"), epci: text("epci") };

  let department: MapRequest | null = null;
  if (level === "departements") {
    const source = oneOf<ProfessionalSource | "">("source", Object.values(ProfessionalSource), "");
    const vintage = text("vintage");
    if (vintage !== undefined && !VINTAGE.test(vintage)) {
      issues.push({ argument: "vintage", fr: `vintage doit être une année ou une date, p. ex. « 2025 » ou « 2024-09-01 » (reçu « ${vintage} »)`, en: `vintage must be a year or a date, e.g. "2025" or "2024-09-01" (received "${vintage}")` });
    }
    const specialty = text("specialty");
    if (specialty !== undefined && (specialty.length < 2 || specialty.length > 100)) {
      issues.push({ argument: "specialty", fr: "specialty doit compter de 2 à 100 caractères", en: "specialty must be 2 to 100 characters long" });
    }
    if (measure === "professionals" && !specialty) {
      issues.push({ argument: "specialty", fr: "measure=professionals demande une spécialité, p. ex. specialty=infirmier", en: "measure=professionals needs a specialty, e.g. specialty=infirmier" });
    }
    const unconfirmed = oneOf<"true" | "false" | "">("includeUnconfirmed", BOOLEANS, "");
    department = {
      measure: measure as MapMeasureName,
      source: source === "" ? undefined : source,
      vintage,
      specialty,
      includeUnconfirmed: unconfirmed === "" ? undefined : unconfirmed === "true",
    };
  }
  const table: TableOptions = { sort: oneOf("sort", SORTS, "name"), order: oneOf("order", ORDERS, "asc"), fragment: ["1", "true"].includes(oneOf<(typeof FRAGMENT)[number]>("fragment", FRAGMENT, "0")) };
  if (issues.length > 0) throw badMapInputs(issues);
  return { level, format, measure, lang, scope, department, table };
}

/** The query string of a map, parameters in a stable order (the links between a map and its table, the cache key). */
export function mapQueryString(query: MapQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ measure: query.measure });
  for (const key of ["region", "departement", "epci"] as const) if (query.scope[key] !== undefined) params.set(key, query.scope[key] as string);
  const d = query.department;
  if (d?.source) params.set("source", d.source);
  if (d?.vintage) params.set("vintage", d.vintage);
  if (d?.specialty) params.set("specialty", d.specialty);
  if (d?.includeUnconfirmed !== undefined) params.set("includeUnconfirmed", String(d.includeUnconfirmed));
  if (query.lang !== "fr") params.set("lang", query.lang);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
