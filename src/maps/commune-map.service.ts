import type { RequestContext } from "../context/request-context";
import { sql } from "../db/sql-dialect";
import { COMMUNE_COLUMNS, toCommune } from "../db/rows/commune.rows";
import type { Commune } from "../entities/territories/commune.entity";
import { COMMUNE_MAP_MEASURES } from "../entities/care-offer/map-measure";
import { communeApl } from "../services/care-offer/measure.service";
import type { Lang } from "./locale";
import type { MapData } from "./map-model";
import type { ResolvedScope } from "./map-scope";
import { APL_TEXTS, mayotteAplNote, measureMapData, populationMapData } from "./numeric-measures";

export type CommuneMeasure = keyof typeof COMMUNE_MAP_MEASURES;

/** The communes of a map's territory: those of its départements, or an EPCI's members. */
async function communesOf(ctx: RequestContext, resolved: ResolvedScope): Promise<Commune[]> {
  const { scope, geography } = resolved;
  if (scope.kind === "epci") return ctx.loaders.commune.byEpci.load(scope.code);
  if (scope.kind === "france") return (await sql<Record<string, unknown>>(ctx.db, `SELECT ${COMMUNE_COLUMNS} FROM commune c ORDER BY c.code`)).map(toCommune);
  const departments = geography.departments;
  const rows = await sql<Record<string, unknown>>(
    ctx.db,
    `SELECT ${COMMUNE_COLUMNS} FROM commune c WHERE c.department_code IN (${departments.map(() => "?").join(", ")}) ORDER BY c.code`,
    departments,
  );
  return rows.map(toCommune);
}

const COMMUNE_WORDS = { plural: { fr: "communes", en: "communes" } };

/** The figures of a commune map. A measure without any figure in the territory is a 400 (Mayotte's APL, say). */
export async function communeMapData(ctx: RequestContext, measure: CommuneMeasure, resolved: ResolvedScope, lang: Lang): Promise<MapData> {
  const communes = await communesOf(ctx, resolved);
  const base = { level: "communes" as const, measure, lang, scope: resolved.scope, geography: resolved.geography };
  if (measure === "population") {
    return {
      ...base,
      ...(await populationMapData(
        ctx,
        communes,
        {
          unit: { fr: "habitants (population municipale)", en: "inhabitants (population municipale)" },
          notes: { fr: ["Population municipale (populations légales INSEE, COG 2026)."], en: ["Population municipale (INSEE legal populations, COG 2026)."] },
        },
        lang,
      )),
    };
  }
  const measures = await Promise.all(communes.map((c) => communeApl(ctx, c.code)));
  const mayotte = mayotteAplNote(resolved.geography.departments);
  return {
    ...base,
    ...(await measureMapData(
      ctx,
      communes.map((c, i) => ({ code: c.code, name: c.name, measure: measures[i] })),
      {
        ...APL_TEXTS,
        notes: {
          fr: [
            `APL de la commune telle que la publie la DREES, ou moyenne pondérée par la population de ses arrondissements (Paris, Lyon, Marseille) ou de ses anciennes communes, comme la donne l'API (Commune.apl).${mayotte.fr}`,
          ],
          en: [
            `The commune's APL as DREES publishes it, or the population-weighted mean of its arrondissements (Paris, Lyon, Marseille) or former communes, as the API gives it (Commune.apl).${mayotte.en}`,
          ],
        },
      },
      { level: COMMUNE_WORDS, scope: resolved.scope, measure, lang, decimals: 2 },
    )),
  };
}
