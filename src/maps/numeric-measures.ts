import type { RequestContext } from "../context/request-context";
import type { Measure } from "../entities/care-offer/measure.type";
import { formatNumber, type Lang } from "./locale";
import { badMapInput } from "./map-errors";
import type { MapArea, MapData, MapScope } from "./map-model";
import { describeSource, MapSources, territoriesSource } from "./map-sources";

/** A territory with the figure a service gave for it (null: none). */
export interface Figure {
  code: string;
  name: string;
  measure: Measure | null;
}

/** How a level names its territories in texts: "EPCI", "communes", "départements". */
export interface LevelWords {
  plural: Record<Lang, string>;
}

/** Where a map is, in words: "France entière", "Occitanie (76)". */
export function scopeWords(scope: MapScope, lang: Lang): string {
  return scope.kind === "france" ? (lang === "fr" ? "France entière" : "France") : `${scope.name} (${scope.code})`;
}

/** Said under an APL map that covers Mayotte, whose territories are all "donnée non disponible". */
export function mayotteAplNote(departments: string[]): Record<Lang, string> {
  return departments.includes("976") ? { fr: " La DREES ne calcule pas l'APL de Mayotte.", en: " DREES does not compute the APL of Mayotte." } : { fr: "", en: "" };
}

/** The APL texts shared by the EPCI, commune and département maps. */
export const APL_TEXTS = {
  title: { fr: "Accessibilité potentielle localisée (APL) aux médecins généralistes", en: "Potential localised accessibility (APL) to general practitioners" },
  unit: { fr: "consultations par an et par habitant standardisé", en: "consultations per year per standardised inhabitant" },
};

/**
 * A measure the API gives per territory as a `Measure` (APL, from the same service as the
 * GraphQL field): territories without one are "donnée non disponible"; a map where none has a
 * figure is refused (400) rather than drawn empty.
 */
export async function measureMapData(
  ctx: RequestContext,
  figures: Figure[],
  texts: { title: Record<Lang, string>; unit: Record<Lang, string>; notes: Record<Lang, string[]> },
  context: { level: LevelWords; scope: MapScope; measure: string; lang: Lang; decimals: number },
): Promise<Omit<MapData, "level" | "measure" | "lang" | "scope" | "geography">> {
  const { lang } = context;
  if (figures.every((f) => f.measure === null)) {
    throw badMapInput(
      "measure",
      `aucune donnée « ${context.measure} » pour les ${context.level.plural.fr} de ${scopeWords(context.scope, "fr")} : rien à dessiner`,
      `no "${context.measure}" figure for the ${context.level.plural.en} of ${scopeWords(context.scope, "en")}: nothing to draw`,
    );
  }
  await MapSources.preload(ctx, figures.flatMap((f) => (f.measure ? [f.measure.sourceId] : [])));
  const sources = new MapSources();
  const areas: MapArea[] = [];
  for (const f of figures) {
    areas.push({
      code: f.code,
      name: f.name,
      value: f.measure?.value ?? null,
      category: null,
      detail: null,
      source: f.measure ? await sources.addRow(ctx, f.measure.sourceId) : null,
      vintage: f.measure?.date ?? null,
    });
  }
  const dates = [...new Set(figures.flatMap((f) => (f.measure?.date ? [f.measure.date] : [])))].sort();
  const missing = figures.filter((f) => f.measure === null).length;
  const n = (v: number) => formatNumber(v, lang, 0);
  return {
    title: texts.title[lang],
    vintage: dates[dates.length - 1] ?? "",
    areas,
    scale: { kind: "numeric", unit: texts.unit[lang], worse: "low", decimals: context.decimals },
    sources: sources.list,
    sourceLines: sources.list.map((s) => describeSource(s, lang)),
    notes: [
      ...texts.notes[lang],
      ...(missing > 0
        ? [lang === "fr" ? `${n(missing)} ${context.level.plural.fr} sur ${n(figures.length)} sans donnée : « donnée non disponible », en gris.` : `${n(missing)} of ${n(figures.length)} ${context.level.plural.en} have no figure: "no data", in grey.`]
        : []),
    ],
  };
}

/** Legal populations, as the territories dataset gives them (COG 2026): every territory has one, 0 included (six villages of the Meuse destroyed in 1916). */
export async function populationMapData(
  ctx: RequestContext,
  territories: { code: string; name: string; population: number }[],
  texts: { unit: Record<Lang, string>; notes: Record<Lang, string[]> },
  lang: Lang,
): Promise<Omit<MapData, "level" | "measure" | "lang" | "scope" | "geography">> {
  const source = await territoriesSource(ctx);
  return {
    title: lang === "fr" ? "Population" : "Population",
    vintage: source.vintage,
    areas: territories.map((t) => ({ code: t.code, name: t.name, value: t.population, category: null, detail: null, source: 0, vintage: source.vintage })),
    scale: { kind: "numeric", unit: texts.unit[lang], worse: "none", decimals: 0 },
    sources: [source],
    sourceLines: [describeSource(source, lang)],
    notes: texts.notes[lang],
  };
}
