import { LRUCache } from "lru-cache";
import type { RequestContext } from "../context/request-context";
import type { MapFormat } from "../entities/care-offer/map-measure";
import { dataVersion } from "../services/shared/data-version.service";
import { renderMapSvg } from "./choropleth.svg";
import { communeMapData, type CommuneMeasure } from "./commune-map.service";
import { departmentMapData } from "./department-map.service";
import { epciMapData, type EpciMeasure } from "./epci-map.service";
import { communeOutlines } from "./geometry/contour-files";
import { formatNumber } from "./locale";
import { drawMap } from "./map-drawing";
import type { MapData } from "./map-model";
import { type MapQuery, mapQueryString, parseMapPath, parseMapQuery } from "./map-query";
import { resolveScope } from "./map-scope";
import { renderTableHtml, renderTableJson, type MapLinks } from "./map-table";
import { svgToPng } from "./map-png";

/** What a map route sends: its media type and body. */
export interface MapAnswer {
  contentType: string;
  body: string | Buffer;
}

const CONTENT_TYPES: Record<MapFormat, string> = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** The communes of a map that have no polygon of their own (re-established since 2018: SOURCES.md §19), named in a note. */
function outlineNotes(data: MapData): string[] {
  if (data.level !== "communes") return [];
  const outlines = communeOutlines();
  const missing = data.areas.filter((a) => !outlines.has(a.code));
  if (missing.length === 0) return [];
  const names = missing.map((a) => `${a.name} (${a.code})`).join(", ");
  const n = formatNumber(missing.length, data.lang, 0);
  return [
    data.lang === "fr"
      ? `${n} commune${missing.length > 1 ? "s" : ""} sans contour propre, rétablie${missing.length > 1 ? "s" : ""} depuis 2018 : ${names} ; son aire est dans la commune qu'elle a quittée (valeur dans le tableau).`
      : `${n} commune${missing.length > 1 ? "s" : ""} without an outline of their own, re-established since 2018: ${names}; their area lies in the commune they left (value in the table).`,
  ];
}

/** The figures of a map, from the API's services: the level's service on the resolved territory. */
async function buildMapData(ctx: RequestContext, query: MapQuery): Promise<MapData> {
  const resolved = await resolveScope(ctx, query.level, query.scope);
  let data: MapData;
  if (query.level === "departements") data = await departmentMapData(ctx, query.department ?? { measure: "gpDensity" }, resolved, query.lang);
  else if (query.level === "epcis") data = await epciMapData(ctx, query.measure as EpciMeasure, resolved, query.lang);
  else data = await communeMapData(ctx, query.measure as CommuneMeasure, resolved, query.lang);
  return { ...data, notes: [...data.notes, ...outlineNotes(data)] };
}

function linksOf(query: MapQuery): MapLinks {
  const at = (format: MapFormat, extra: Record<string, string> = {}) => `/maps/${query.level}.${format}?${mapQueryString(query, extra)}`;
  return {
    svg: at("svg"),
    png: at("png"),
    html: at("html"),
    json: at("json"),
    sorted: (sort, order) => at("html", { sort, order, ...(query.table.fragment ? { fragment: "1" } : {}) }),
  };
}

type Cached = MapData | string | Buffer;

/**
 * Answers the map routes: parses the path and query, and keeps every answer under the data's
 * version (`dataVersion`: an import or a write changes it, so nothing stale is served) until
 * memory runs short. The figures of a map are computed once for all its forms; two identical
 * requests arriving together compute them once.
 */
export function createMapAnswers(options: { maxBytes?: number } = {}) {
  const cache = new LRUCache<string, Cached>({
    // 128 MB by default: about 30 national commune maps in all forms, or hundreds of smaller ones.
    maxSize: options.maxBytes ?? 128 * 1024 * 1024,
    sizeCalculation: (value) => (typeof value === "string" ? value.length * 2 : Buffer.isBuffer(value) ? value.byteLength : 2_000 + value.areas.length * 400),
  });
  const pending = new Map<string, Promise<Cached>>();

  async function cached<T extends Cached>(key: string, build: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit !== undefined) return hit as T;
    let running = pending.get(key);
    if (!running) {
      running = build().finally(() => pending.delete(key));
      pending.set(key, running);
      cache.set(key, await running);
    }
    return (await running) as T;
  }

  return async function answerMap(ctx: RequestContext, name: string, rawQuery: Record<string, unknown>): Promise<MapAnswer> {
    const { level, format } = parseMapPath(name);
    const query = parseMapQuery(level, format, rawQuery);
    const key = `${await dataVersion(ctx)}|${level}|${mapQueryString(query)}`;
    const links = linksOf(query);
    const data = () => cached(`${key}|data`, () => buildMapData(ctx, query));
    const svg = () => cached(`${key}|svg`, async () => { const d = await data(); return renderMapSvg(d, drawMap(d), links.html); });
    let body: string | Buffer;
    switch (format) {
      case "svg":
        body = await svg();
        break;
      case "png":
        body = await cached(`${key}|png`, async () => svgToPng(await svg()));
        break;
      case "html":
        body = await cached(`${key}|html|${query.table.sort}|${query.table.order}|${query.table.fragment}`, async () => renderTableHtml(await data(), query.table, links));
        break;
      case "json":
        body = await cached(`${key}|json`, async () => renderTableJson(await data(), links));
        break;
    }
    return { contentType: CONTENT_TYPES[format], body };
  };
}

export type AnswerMap = ReturnType<typeof createMapAnswers>;
