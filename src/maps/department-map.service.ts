import type { RequestContext } from "../context/request-context";
import { sql } from "../db/sql-dialect";
import { toSearchText } from "../db/search-text";
import { MAP_MEASURES, type MapRequest } from "../entities/care-offer/map-measure";
import { GP_SPECIALTY, ProfessionalSource } from "../entities/shared/professional-source";
import { zonesRougesCoverage } from "../services/care-offer/coverage.service";
import { aplOf } from "../services/care-offer/measure.service";
import { pickVintage, professionalSourceId } from "../services/shared/professional-source.service";
import { listDepartments, listRegions } from "../services/territories/territory.service";
import { formatDate, formatNumber, type Lang } from "./locale";
import { badMapInput } from "./map-errors";
import type { MapArea, MapData, MapSource, Worse } from "./map-model";
import type { ResolvedScope } from "./map-scope";
import { describeSource, MapSources, territoriesSource } from "./map-sources";
import { APL_TEXTS, mayotteAplNote, measureMapData, populationMapData } from "./numeric-measures";
import { completenessText } from "./zones-rouges-map";

interface Row {
  [column: string]: unknown;
}

/** What a département measure draws, before the map's level, scope and language are added. */
type Drawn = Omit<MapData, "level" | "measure" | "lang" | "scope" | "geography">;

/** A département of the map: code and name. */
interface Shown {
  code: string;
  name: string;
}

const numeric = (unit: string, worse: Worse): MapData["scale"] => ({ kind: "numeric", unit, worse, decimals: 1 });
const area = (d: Shown, value: number | null, source: number | null, vintage: string | null, detail: string | null = null): MapArea => ({
  code: d.code,
  name: d.name,
  value,
  category: null,
  detail,
  source: value === null ? null : source,
  vintage: value === null ? null : vintage,
});

/** French titles and units of the baromètre and PDSA indicators (the catalogue's labels are English). */
const INDICATOR_TEXTS_FR: Record<string, { title: string; unit: string }> = {
  "pdsa-participation": { title: "Médecins généralistes participant à la permanence des soins (PDSA)", unit: "% des médecins généralistes" },
  "sas-coverage": { title: "Population couverte par un service d'accès aux soins (SAS)", unit: "% de la population" },
  "cpts-coverage": { title: "Population couverte par une communauté professionnelle territoriale de santé (CPTS)", unit: "% de la population" },
  "ald-with-medecin-traitant": { title: "Patients en affection de longue durée (ALD) ayant un médecin traitant", unit: "% des patients en ALD" },
  "maisons-de-sante": { title: "Maisons de santé pluriprofessionnelles (MSP)", unit: "maisons de santé" },
  "centres-de-sante": { title: "Centres de santé pluriprofessionnels (avec au moins un médecin généraliste)", unit: "centres de santé" },
  "assistants-medicaux": { title: "Assistants médicaux", unit: "assistants médicaux" },
};

/** GP density, or any specialty of a producer: densities per 100,000 when the producer gives them, headcounts otherwise. */
async function professionalMap(ctx: RequestContext, request: MapRequest, shown: Shown[], lang: Lang): Promise<Drawn> {
  const family = request.source ?? ProfessionalSource.DREES_RPPS;
  const vintages = (await ctx.loaders.professional.vintages()).get(family) ?? [];
  if (!pickVintage(vintages, request.vintage, (v) => v.vintage)) {
    const available = vintages.map((v) => v.vintage).join(", ");
    throw badMapInput(
      "vintage",
      `millésime « ${request.vintage} » de ${family} non chargé (disponibles : ${available})`,
      `vintage "${request.vintage}" of ${family} is not loaded (available: ${available})`,
      vintages.map((v) => v.vintage),
    );
  }
  const { id } = await professionalSourceId(ctx, family, request.vintage);
  let specialty = GP_SPECIALTY[family];
  if (request.measure === "professionals") {
    const available = await sql<{ specialty: string; specialty_search: string }>(
      ctx.db,
      "SELECT DISTINCT specialty, specialty_search FROM professional_stat WHERE source_id = ? ORDER BY specialty",
      [id],
    );
    const wanted = toSearchText(request.specialty ?? "");
    const exact = available.filter((a) => a.specialty_search === wanted);
    const matches = exact.length > 0 ? exact : available.filter((a) => a.specialty_search.includes(wanted));
    if (matches.length !== 1) {
      const listed = (matches.length > 1 ? matches : available).map((a) => a.specialty);
      const list = `${listed.slice(0, 50).join("; ")}${listed.length > 50 ? "…" : ""}`;
      throw badMapInput(
        "specialty",
        `la spécialité « ${request.specialty} » ${matches.length > 1 ? `désigne ${matches.length} spécialités de ${family}` : `ne désigne aucune spécialité de ${family}`} ; donnez l'une de : ${list}`,
        `specialty "${request.specialty}" ${matches.length > 1 ? `matches ${matches.length} specialties of ${family}` : `matches no specialty of ${family}`}; give one of: ${list}`,
        listed,
      );
    }
    specialty = matches[0].specialty;
  }
  const rows = await sql<Row>(ctx.db, "SELECT department_code, headcount, density FROM professional_stat WHERE source_id = ? AND specialty = ?", [id, specialty]);
  const densities = rows.some((r) => r.density !== null);
  const values = new Map<string, number>();
  for (const r of rows) {
    const value = densities ? r.density : r.headcount;
    if (value !== null && value !== undefined) values.set(String(r.department_code), Number(value));
  }
  const sources = new MapSources();
  await sources.addRow(ctx, id);
  const source = sources.list[0];
  const label = request.measure === "gpDensity" ? (lang === "fr" ? "Médecins généralistes" : "General practitioners") : specialty;
  const fr = { title: densities ? `${label} pour 100 000 habitants` : `${label} : effectif`, unit: densities ? "pour 100 000 habitants" : "professionnels" };
  const en = { title: densities ? `${label} per 100,000 inhabitants` : `${label}: headcount`, unit: densities ? "per 100,000 inhabitants" : "professionals" };
  const texts = lang === "fr" ? fr : en;
  const note = (await ctx.loaders.source.byId.load(id))?.note;
  return {
    title: texts.title,
    vintage: source.vintage,
    areas: shown.map((d) => area(d, values.get(d.code) ?? null, 0, source.vintage)),
    scale: numeric(texts.unit, "low"),
    sources: sources.list,
    sourceLines: [describeSource(source, lang)],
    notes: note ? [note] : [],
  };
}

/** An indicator of the `measure` table (PDSA, baromètre): every département's value at one date. */
async function indicatorMap(ctx: RequestContext, request: MapRequest, indicator: string, shown: Shown[], lang: Lang): Promise<Drawn> {
  const [definition] = await sql<{ label: string; unit: string }>(ctx.db, "SELECT label, unit FROM indicator_definition WHERE id = ?", [indicator]);
  const rows = await sql<Row>(
    ctx.db,
    "SELECT territory, observed_on, source_id, value FROM measure WHERE indicator = ? AND territory LIKE 'department:%' AND value IS NOT NULL AND observed_on <> 'n.d.' ORDER BY observed_on, source_id",
    [indicator],
  );
  const dates = [...new Set(rows.map((r) => String(r.observed_on)))];
  if (dates.length === 0) {
    throw badMapInput("measure", `aucune valeur par département n'est chargée pour ${request.measure}`, `no figure per département is loaded for ${request.measure}`);
  }
  const chosen = pickVintage(dates, request.vintage, (d) => d);
  if (!chosen) {
    const available = dates.slice(-24).join(", ");
    throw badMapInput("vintage", `millésime « ${request.vintage} » de ${request.measure} non chargé (disponibles : ${available})`, `vintage "${request.vintage}" of ${request.measure} is not loaded (available: ${available})`, dates);
  }
  const values = new Map<string, { value: number; source: string }>();
  for (const r of rows) {
    if (String(r.observed_on) !== chosen) continue;
    const code = String(r.territory).slice("department:".length);
    // Two sources for the same date: the first (by id) is drawn, and both are printed.
    if (!values.has(code)) values.set(code, { value: Number(r.value), source: String(r.source_id) });
  }
  const sources = new MapSources();
  await MapSources.preload(ctx, [...values.values()].map((v) => v.source));
  const areas: MapArea[] = [];
  for (const d of shown) {
    const figure = values.get(d.code);
    areas.push(area(d, figure?.value ?? null, figure ? await sources.addRow(ctx, figure.source) : null, chosen));
  }
  const held = areas.filter((a) => a.value !== null).length;
  if (held === 0) {
    throw badMapInput("measure", `aucune valeur de ${request.measure} au ${formatDate(chosen, "fr")} pour les départements demandés`, `no ${request.measure} figure of ${formatDate(chosen, "en")} for the départements asked for`);
  }
  const fr = INDICATOR_TEXTS_FR[indicator];
  const n = (v: number) => formatNumber(v, lang, 0);
  return {
    title: lang === "fr" ? (fr?.title ?? definition?.label ?? indicator) : (definition?.label ?? indicator),
    vintage: chosen,
    areas,
    scale: numeric(lang === "fr" ? (fr?.unit ?? definition?.unit ?? "") : (definition?.unit ?? ""), MAP_MEASURES[request.measure].worse),
    sources: sources.list,
    sourceLines: sources.list.map((s) => describeSource(s, lang)),
    notes:
      held < shown.length
        ? [lang === "fr" ? `${n(held)} départements sur ${n(shown.length)} ont une valeur au ${formatDate(chosen, lang)}.` : `${n(held)} of ${n(shown.length)} départements have a figure for ${formatDate(chosen, lang)}.`]
        : [],
  };
}

/** The zones rouges designations as loaded: the ministry's list as public pages name it. */
function zonesRougesListSource(designations: number, confirmedOnly: boolean, lang: Lang): MapSource {
  return lang === "fr"
    ? {
        producer: "Ministère de la Santé (liste des 151 EPCI du 27 juin 2025), telle que la nomment des pages publiques",
        title: `Zones rouges du Pacte de lutte contre les déserts médicaux : ${designations} désignations ${confirmedOnly ? "confirmées " : ""}chargées`,
        vintage: "2025-06-27",
        vintageInferred: false,
        licence: "Information publique",
        url: null,
      }
    : {
        producer: "Ministère de la Santé (list of 151 EPCI, 27 June 2025), as named by public pages",
        title: `Zones rouges of the Pacte de lutte contre les déserts médicaux: ${designations} ${confirmedOnly ? "confirmed " : ""}designations loaded`,
        vintage: "2025-06-27",
        vintageInferred: false,
        licence: "Public information",
        url: null,
      };
}

/**
 * Share of each département's population living in an EPCI designated as a zone rouge. Computed
 * from communes, so that an EPCI straddling two départements counts in each for its own communes.
 */
async function zoneRougeShareMap(ctx: RequestContext, request: MapRequest, shown: Shown[], lang: Lang): Promise<Drawn> {
  const confirmedOnly = !(request.includeUnconfirmed ?? false);
  const filter = confirmedOnly ? " WHERE z.confirmed = TRUE" : "";
  const inZones = await sql<Row>(
    ctx.db,
    `SELECT c.department_code AS code, SUM(c.population) AS population FROM commune c
     JOIN epci_commune ec ON ec.commune_code = c.code JOIN zone_rouge z ON z.epci_siren = ec.epci_siren${filter}
     GROUP BY c.department_code`,
  );
  const departments = await sql<Row>(ctx.db, "SELECT code, region_code, population FROM department");
  const [{ n: count, dated }] = await sql<Row>(ctx.db, `SELECT COUNT(*) AS n, MAX(z.designated_on) AS dated FROM zone_rouge z${filter}`);
  const zonePopulation = new Map(inZones.map((r) => [String(r.code), Number(r.population)]));
  const complete = await completeRegions(ctx);
  const values = new Map<string, number>();
  let unknown = 0;
  for (const d of departments) {
    const population = Number(d.population);
    const inZone = zonePopulation.get(String(d.code));
    // 0 % only where the région's list is complete: elsewhere a département without a known zone may hold one not yet loaded.
    if (inZone === undefined && !complete.has(String(d.region_code))) {
      if (shown.some((s) => s.code === String(d.code))) unknown++;
      continue;
    }
    if (population > 0) values.set(String(d.code), (100 * (inZone ?? 0)) / population);
  }
  const designations = Number(count);
  const vintage = String(dated ?? "2025-06-27");
  const sources = [zonesRougesListSource(designations, confirmedOnly, lang), await territoriesSource(ctx)];
  const n = (v: number) => formatNumber(v, lang, 0);
  const partial =
    designations < 151
      ? lang === "fr"
        ? [
            `Liste partielle : ${n(designations)} des 151 EPCI sont chargés. Un département sans zone chargée est « donnée non disponible » (${n(unknown)} départements) ` +
              "sauf si la liste de sa région est complète ; là où elle est incomplète, la valeur est un minimum.",
          ]
        : [
            `Partial list: ${designations} of the 151 EPCI are loaded. A département with no zone loaded is drawn as "no data" (${unknown} ` +
              "départements) unless its région's list is complete; a value is a lower bound where the région's list is incomplete.",
          ]
      : [];
  return {
    title: lang === "fr" ? "Population vivant en zone rouge" : "Population living in a zone rouge",
    vintage,
    areas: shown.map((d) => area(d, values.get(d.code) ?? null, 0, vintage)),
    scale: numeric(lang === "fr" ? "% de la population" : "% of the population", "high"),
    sources,
    sourceLines: sources.map((s) => describeSource(s, lang)),
    notes: [
      lang === "fr"
        ? "Calcul de territoire-santé : population des communes dont l'EPCI est une zone rouge, rapportée à celle du département."
        : "Computed by territoire-santé: population of the communes whose EPCI is a zone rouge, over the population of the département.",
      ...partial,
    ],
  };
}

/** Régions whose zones rouges are all known (confirmed), against the count their sources give. */
async function completeRegions(ctx: RequestContext): Promise<Set<string>> {
  const regions = await listRegions(ctx);
  const coverages = await Promise.all(regions.map((r) => zonesRougesCoverage(ctx, r.code)));
  return new Set(regions.filter((_, i) => coverages[i].complete === true).map((r) => r.code));
}

/**
 * Zones rouges known against expected, per région: each département takes its région's share of
 * the expected zones that are known (confirmed). A région whose expected count no source gives
 * is "no data", never 0.
 */
async function zonesRougesKnownMap(ctx: RequestContext, shown: Shown[], resolved: ResolvedScope, lang: Lang): Promise<Drawn> {
  const regions = await listRegions(ctx);
  const coverages = await Promise.all(regions.map((r) => zonesRougesCoverage(ctx, r.code)));
  const byRegion = new Map(regions.map((r, i) => [r.code, { name: r.name, coverage: coverages[i] }]));
  await MapSources.preload(ctx, coverages.flatMap((c) => (c.expectedSourceId ? [c.expectedSourceId] : [])));
  const sources = new MapSources();
  const areas: MapArea[] = [];
  for (const d of shown) {
    const region = byRegion.get(resolved.geography.regionOf.get(d.code) ?? "");
    if (!region) continue;
    const { known, confirmed, expected, expectedSourceId } = region.coverage;
    const held = confirmed ?? known;
    const detail = completenessText(region.name, region.coverage, lang);
    const value = expected === null ? null : expected === 0 ? 100 : Math.min(100, (100 * held) / expected);
    areas.push(area(d, value, expectedSourceId ? await sources.addRow(ctx, expectedSourceId) : null, "2025-06-27", detail));
  }
  const unknown = regions.filter((_, i) => coverages[i].expected === null).map((r) => r.name);
  return {
    title: lang === "fr" ? "Zones rouges connues sur attendues, par région" : "Zones rouges known against expected, by région",
    vintage: "2025-06-27",
    areas,
    scale: numeric(lang === "fr" ? "% des zones rouges de la région connues" : "% of the région's zones rouges known", "low"),
    sources: sources.list,
    sourceLines: sources.list.map((s) => describeSource(s, lang)),
    notes: [
      lang === "fr"
        ? "Chaque département prend la part de sa région : zones confirmées connues sur le nombre que donnent l'ARS ou la presse pour la région."
        : "Each département is drawn with its région's share: confirmed zones known over the count ARS or press pages give for the région.",
      ...(unknown.length > 0
        ? [lang === "fr" ? `Aucune source ne donne le nombre pour ${unknown.join(", ")} : « donnée non disponible ».` : `No source gives the count for ${unknown.join(", ")}: drawn as "no data".`]
        : []),
    ],
  };
}

const DEPARTMENT_WORDS = { plural: { fr: "départements", en: "départements" } };

/** The figures of a département map. A bad request (unknown vintage, ambiguous specialty, no figure) is a 400. */
export async function departmentMapData(ctx: RequestContext, request: MapRequest, resolved: ResolvedScope, lang: Lang): Promise<MapData> {
  const definition = MAP_MEASURES[request.measure];
  const wanted = new Set(resolved.geography.departments);
  const departments = (await listDepartments(ctx, undefined, undefined)).filter((d) => wanted.has(d.code));
  const shown = departments.map((d) => ({ code: d.code, name: d.name }));
  const base = { level: "departements" as const, measure: request.measure, lang, scope: resolved.scope, geography: resolved.geography };
  switch (definition.kind) {
    case "gpDensity":
    case "professionals":
      return { ...base, ...(await professionalMap(ctx, request, shown, lang)) };
    case "zoneRougeShare":
      return { ...base, ...(await zoneRougeShareMap(ctx, request, shown, lang)) };
    case "zonesRougesKnown":
      return { ...base, ...(await zonesRougesKnownMap(ctx, shown, resolved, lang)) };
    case "indicator":
      return { ...base, ...(await indicatorMap(ctx, request, definition.indicator, shown, lang)) };
    case "apl": {
      const measures = await Promise.all(shown.map((d) => aplOf(ctx, "DEPARTMENT", d.code)));
      const mayotte = mayotteAplNote(resolved.geography.departments);
      const notes = {
        fr: [`APL d'un département : moyenne des APL de ses communes, pondérée par leur population (INSEE RP2021), comme la donne l'API (Department.apl).${mayotte.fr}`],
        en: [`A département's APL: mean of its communes' APL weighted by their population (INSEE RP2021), as the API gives it (Department.apl).${mayotte.en}`],
      };
      return {
        ...base,
        ...(await measureMapData(ctx, shown.map((d, i) => ({ ...d, measure: measures[i] })), { ...APL_TEXTS, notes }, { level: DEPARTMENT_WORDS, scope: resolved.scope, measure: request.measure, lang, decimals: 2 })),
      };
    }
    case "population":
      return {
        ...base,
        ...(await populationMapData(
          ctx,
          departments.map((d) => ({ code: d.code, name: d.name, population: d.population })),
          {
            unit: { fr: "habitants", en: "inhabitants" },
            notes: { fr: ["Somme des populations légales de ses communes (COG 2026)."], en: ["Sum of the legal populations of its communes (COG 2026)."] },
          },
          lang,
        )),
      };
  }
}
