import { escapeXml, NO_DATA, subtitle, valueText } from "./choropleth.svg";
import { collator, formatDate, formatNumber, type Lang } from "./locale";
import type { MapArea, MapData, MapSource } from "./map-model";
import type { TableOptions } from "./map-query";

/** Addresses of a map's forms, relative to the API: the table links to the image and back. */
export interface MapLinks {
  svg: string;
  png: string;
  html: string;
  json: string;
  /** The table's own address with other sort parameters: `sorted("value", "desc")`. */
  sorted: (sort: TableOptions["sort"], order: TableOptions["order"]) => string;
}

const HEADERS: Record<Lang, { name: string; code: string; value: string; source: string; vintage: string }> = {
  fr: { name: "Territoire", code: "Code", value: "Valeur", source: "Source", vintage: "Millésime" },
  en: { name: "Territory", code: "Code", value: "Value", source: "Source", vintage: "Vintage" },
};

/**
 * The rows in the asked order: by name (French or English collation), code, or value. Territories
 * without a figure always come last, whichever the direction; a categorical measure sorts by its
 * categories' legend order.
 */
export function sortAreas(data: MapData, options: Pick<TableOptions, "sort" | "order">): MapArea[] {
  const names = collator(data.lang);
  const rank = data.scale.kind === "categories" ? new Map(data.scale.categories.map((c, i) => [c.id, i])) : new Map<string, number>();
  const key = (a: MapArea): number | null => (data.scale.kind === "categories" ? (a.category === null ? null : (rank.get(a.category) ?? null)) : a.value);
  const direction = options.order === "desc" ? -1 : 1;
  return [...data.areas].sort((a, b) => {
    if (options.sort === "value") {
      const [ka, kb] = [key(a), key(b)];
      if (ka === null || kb === null) return ka === kb ? names.compare(a.name, b.name) : ka === null ? 1 : -1;
      if (ka !== kb) return (ka - kb) * direction;
      return names.compare(a.name, b.name);
    }
    const order = options.sort === "code" ? a.code.localeCompare(b.code) : names.compare(a.name, b.name) || a.code.localeCompare(b.code);
    return order * direction;
  });
}

function sourceText(s: MapSource | undefined, lang: Lang): string {
  if (!s) return NO_DATA[lang];
  return `${s.producer} — ${s.title}`;
}

/** A column header that sorts by its column: ascending first, the other way when it is already the sort (aria-sort says which). */
function header(column: TableOptions["sort"], label: string, options: TableOptions, links: MapLinks): string {
  const current = options.sort === column;
  const next = current && options.order === "asc" ? "desc" : "asc";
  const aria = current ? ` aria-sort="${options.order === "asc" ? "ascending" : "descending"}"` : "";
  const arrow = current ? (options.order === "asc" ? " ▲" : " ▼") : "";
  return `<th scope="col"${aria}><a href="${escapeXml(links.sorted(column, next))}">${escapeXml(label)}${arrow}</a></th>`;
}

/**
 * The table alternative of a map, in its language: one row per territory with its value (or
 * "donnée non disponible"), source and vintage, sortable by any column through links (no script:
 * it works in any browser, and a component may re-sort from the JSON). `data-value` carries the
 * exact figure the API gives. The fragment is the same section without the page around it.
 */
export function renderTableHtml(data: MapData, options: TableOptions, links: MapLinks): string {
  const h = HEADERS[data.lang];
  const rows = sortAreas(data, options).map((a) => {
    const source = a.source === null ? undefined : data.sources[a.source];
    const value = a.value === null ? "" : ` data-value="${a.value}"`;
    const category = a.category === null ? "" : ` data-category="${a.category}"`;
    const detail = a.detail ? ` — ${escapeXml(a.detail)}` : "";
    const link = source?.url ? `<a href="${escapeXml(source.url.split(" ")[0])}">${escapeXml(sourceText(source, data.lang))}</a>` : escapeXml(sourceText(source, data.lang));
    return (
      `<tr data-code="${a.code}"><th scope="row">${escapeXml(a.name)}</th><td>${a.code}</td>` +
      `<td${value}${category}>${escapeXml(valueText(a, data))}${detail}</td><td>${link}</td><td>${a.vintage ? escapeXml(formatDate(a.vintage, data.lang)) : ""}</td></tr>`
    );
  });
  const fr = data.lang === "fr";
  const n = (v: number) => formatNumber(v, data.lang, 0);
  const section = [
    `<section class="ts-map-table" lang="${data.lang}" data-level="${data.level}" data-measure="${escapeXml(data.measure)}">`,
    `<table>`,
    `<caption>${escapeXml(data.title)} — ${escapeXml(subtitle(data))} (${n(data.areas.length)} ${fr ? "lignes" : "rows"})</caption>`,
    `<thead><tr>${header("name", h.name, options, links)}${header("code", h.code, options, links)}${header("value", h.value, options, links)}<th scope="col">${h.source}</th><th scope="col">${h.vintage}</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody></table>`,
    `<h2>${fr ? "Sources" : "Sources"}</h2><ul>${data.sourceLines.map((s) => `<li>${escapeXml(s)}</li>`).join("")}</ul>`,
    ...(data.completeness ? [`<h2>${fr ? "Complétude par région" : "Completeness by région"}</h2><ul>${data.completeness.map((c) => `<li>${escapeXml(c.text)}</li>`).join("")}</ul>`] : []),
    ...(data.notes.length > 0 ? [`<h2>${fr ? "Notes" : "Notes"}</h2><ul>${data.notes.map((s) => `<li>${escapeXml(s)}</li>`).join("")}</ul>`] : []),
    `<p><a href="${escapeXml(links.svg)}">${fr ? "La carte (SVG)" : "The map (SVG)"}</a> · <a href="${escapeXml(links.png)}">PNG</a> · <a href="${escapeXml(links.json)}">JSON</a></p>`,
    `</section>`,
  ].join("\n");
  if (options.fragment) return section;
  return [
    `<!DOCTYPE html>`,
    `<html lang="${data.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeXml(`${data.title} — ${subtitle(data)}`)}</title>`,
    // The page's own style only: nothing is fetched from anywhere.
    `<style>body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;font-size:.9rem}` +
      `caption{text-align:left;font-weight:bold;padding:.4rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}` +
      `td[data-value]{text-align:right;font-variant-numeric:tabular-nums}thead th a{color:inherit}h2{font-size:1rem}</style>`,
    `</head><body><main>`,
    `<h1>${escapeXml(data.title)}</h1>`,
    `<p>${escapeXml(subtitle(data))}</p>`,
    section,
    `</main></body></html>`,
  ].join("\n");
}

/** The table as JSON, for components: rows with the exact figures, sources by index, the map's texts. */
export function renderTableJson(data: MapData, links: MapLinks): string {
  return JSON.stringify({
    title: data.title,
    subtitle: subtitle(data),
    level: data.level,
    measure: data.measure,
    lang: data.lang,
    scope: data.scope,
    vintage: data.vintage,
    scale: data.scale,
    rows: sortAreas(data, { sort: "name", order: "asc" }).map((a) => ({
      code: a.code,
      name: a.name,
      value: a.value,
      category: a.category,
      text: valueText(a, data),
      detail: a.detail,
      source: a.source,
      vintage: a.vintage,
    })),
    sources: data.sources,
    sourceLines: data.sourceLines,
    notes: data.notes,
    completeness: data.completeness ?? null,
    links: { svg: links.svg, png: links.png, html: links.html, json: links.json },
  });
}
