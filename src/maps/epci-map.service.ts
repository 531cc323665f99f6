import type { RequestContext } from "../context/request-context";
import { sql } from "../db/sql-dialect";
import { EPCI_COLUMNS, toEpci } from "../db/rows/epci.rows";
import type { Epci } from "../entities/territories/epci.entity";
import { EPCI_MAP_MEASURES } from "../entities/care-offer/map-measure";
import { aplOf } from "../services/care-offer/measure.service";
import { formatNumber, type Lang } from "./locale";
import type { MapData } from "./map-model";
import type { ResolvedScope } from "./map-scope";
import { APL_TEXTS, mayotteAplNote, measureMapData, populationMapData } from "./numeric-measures";
import { zonesRougesMapData } from "./zones-rouges-map";

export type EpciMeasure = keyof typeof EPCI_MAP_MEASURES;

/** The EPCI of a map's territory: all of them, or those with a member commune in the région or département (as `Region.epcis` gives them). */
async function epcisOf(ctx: RequestContext, resolved: ResolvedScope): Promise<Epci[]> {
  const { scope } = resolved;
  if (scope.kind === "region") return ctx.loaders.epci.byRegion.with(null).load(scope.code);
  if (scope.kind === "departement") return ctx.loaders.epci.byDepartment.with(null).load(scope.code);
  return (await sql<Record<string, unknown>>(ctx.db, `SELECT ${EPCI_COLUMNS} FROM epci e ORDER BY e.siren`)).map(toEpci);
}

/** The communes in no EPCI (four islands), among the départements drawn: they lie in no EPCI outline, and the map says so. */
async function communesOutsideEpci(ctx: RequestContext, resolved: ResolvedScope, lang: Lang): Promise<string[]> {
  const rows = await sql<{ code: string; name: string; department_code: string }>(
    ctx.db,
    "SELECT c.code, c.name, c.department_code FROM commune c WHERE NOT EXISTS (SELECT 1 FROM epci_commune ec WHERE ec.commune_code = c.code) ORDER BY c.code",
  );
  const shown = new Set(resolved.geography.departments);
  const names = rows.filter((r) => shown.has(r.department_code)).map((r) => `${r.name} (${r.code})`);
  if (names.length === 0) return [];
  return [
    lang === "fr"
      ? `${formatNumber(names.length, lang, 0)} commune${names.length > 1 ? "s" : ""} insulaire${names.length > 1 ? "s" : ""} hors EPCI, dans aucun contour : ${names.join(", ")}.`
      : `${formatNumber(names.length, lang, 0)} island commune${names.length > 1 ? "s" : ""} in no EPCI, inside no outline: ${names.join(", ")}.`,
  ];
}

const EPCI_WORDS = { plural: { fr: "EPCI", en: "EPCI" } };

/** The figures of an EPCI map. A measure without any figure in the territory is a 400 (numeric-measures.ts). */
export async function epciMapData(ctx: RequestContext, measure: EpciMeasure, resolved: ResolvedScope, lang: Lang): Promise<MapData> {
  const epcis = await epcisOf(ctx, resolved);
  const outside = await communesOutsideEpci(ctx, resolved, lang);
  const base = { level: "epcis" as const, measure, lang, scope: resolved.scope, geography: resolved.geography };
  let drawn: Omit<MapData, keyof typeof base>;
  switch (measure) {
    case "zonesRouges":
      drawn = await zonesRougesMapData(ctx, epcis, resolved, lang);
      break;
    case "apl": {
      const measures = await Promise.all(epcis.map((e) => aplOf(ctx, "EPCI", e.siren)));
      const mayotte = mayotteAplNote(resolved.geography.departments);
      drawn = await measureMapData(
        ctx,
        epcis.map((e, i) => ({ code: e.siren, name: e.name, measure: measures[i] })),
        {
          ...APL_TEXTS,
          notes: {
            fr: [`APL d'un EPCI : moyenne des APL de ses communes, pondérée par leur population (INSEE RP2021), comme la donne l'API (Epci.apl). Sous 2,5, l'accès est communément jugé insuffisant.${mayotte.fr}`],
            en: [`An EPCI's APL: mean of its communes' APL weighted by their population (INSEE RP2021), as the API gives it (Epci.apl). Under 2.5 is commonly read as under-served.${mayotte.en}`],
          },
        },
        { level: EPCI_WORDS, scope: resolved.scope, measure, lang, decimals: 2 },
      );
      break;
    }
    case "population":
      drawn = await populationMapData(
        ctx,
        epcis.map((e) => ({ code: e.siren, name: e.name, population: e.population })),
        {
          unit: { fr: "habitants (population totale)", en: "inhabitants (population totale)" },
          notes: { fr: ["Population totale de l'EPCI (populations légales INSEE, COG 2026)."], en: ["The EPCI's population totale (INSEE legal populations, COG 2026)."] },
        },
        lang,
      );
      break;
  }
  return { ...base, ...drawn, notes: [...drawn.notes, ...outside] };
}
