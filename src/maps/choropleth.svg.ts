import type { MapLevel } from "../entities/care-offer/map-measure";
import { FRAMES, type FrameId, frameOfDepartment } from "./geometry/frames";
import { CONTOUR_CREDITS } from "./geometry/contour-files";
import { formatNumber, type Lang, ofDate } from "./locale";
import { classify, fillOf, type LegendClass, NO_FIGURE_FILL } from "./map-classes";
import { CANVAS, type MapShapes } from "./map-drawing";
import type { MapArea, MapData } from "./map-model";
import { scopeWords } from "./numeric-measures";

export { NO_FIGURE_FILL };

/** The hatching of a status not known for sure: grey lines over the category's colour, one pattern per hatched category. */
const hatchId = (category: string) => `ts-map-hatch-${category}`;
const LINE = 14;
/** Characters per line at 10 px, for the texts under the map (wrapped by words inside the canvas). */
const FOOTER_CHARS = 148;
const LEGEND_CHARS = 27;

export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const LEVEL_WORDS: Record<MapLevel, Record<Lang, { by: string; plural: string }>> = {
  departements: { fr: { by: "Par département", plural: "départements" }, en: { by: "By département", plural: "départements" } },
  epcis: { fr: { by: "Par EPCI (intercommunalité)", plural: "EPCI" }, en: { by: "By EPCI (intercommunalité)", plural: "EPCI" } },
  communes: { fr: { by: "Par commune", plural: "communes" }, en: { by: "By commune", plural: "communes" } },
};

export const NO_DATA: Record<Lang, string> = { fr: "donnée non disponible", en: "no data" };

/** A territory's figure in words: its value and unit, its category, or "donnée non disponible". */
export function valueText(area: MapArea, data: MapData): string {
  if (data.scale.kind === "categories") return data.scale.categories.find((c) => c.id === area.category)?.label ?? NO_DATA[data.lang];
  return area.value === null ? NO_DATA[data.lang] : `${formatNumber(area.value, data.lang, data.scale.decimals)} ${data.scale.unit}`;
}

/** The subtitle: level, territory and date, "Par EPCI (intercommunalité) · France entière · données du 27 juin 2025". */
export function subtitle(data: MapData): string {
  const words = LEVEL_WORDS[data.level][data.lang];
  const when = data.lang === "fr" ? `données ${ofDate(data.vintage, "fr")}` : `figures ${ofDate(data.vintage, "en")}`;
  return `${words.by} · ${scopeWords(data.scope, data.lang)} · ${when.replace(" : ", ": ")}`;
}

function areaElement(area: MapArea, data: MapData, path: string, fill: string): string {
  const key = data.level === "epcis" ? "data-siren" : "data-code";
  const value = area.value === null ? "" : ` data-value="${area.value}"`;
  const category = area.category === null ? "" : ` data-category="${area.category}"`;
  const title = `${area.name} (${area.code})${data.lang === "fr" ? " : " : ": "}${valueText(area, data)}${area.detail ? ` — ${area.detail}` : ""}`;
  return `<path class="${data.level === "departements" ? "departement" : data.level === "epcis" ? "epci" : "commune"}" ${key}="${area.code}"${value}${category} fill="${fill}" d="${path}"><title>${escapeXml(title)}</title></path>`;
}

/** One text of several lines (a legend row is read as one text by a screen reader and by `textContent`). */
function textLines(x: number, y: number, lines: string[], className: string): string {
  return `<text class="${className}" x="${x}" y="${y}">${lines.map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : 13}">${escapeXml(line)}</tspan>`).join("")}</text>`;
}

interface LegendRow {
  /** The category's id, for categorical measures. */
  id?: string;
  fill: string;
  hatched?: boolean;
  text: string;
  count: number;
}

function legendRows(data: MapData, classes: LegendClass[]): LegendRow[] {
  if (data.scale.kind === "categories") {
    return data.scale.categories.map((c) => ({ id: c.id, fill: c.fill, hatched: c.hatched, text: c.label, count: data.areas.filter((a) => a.category === c.id).length }));
  }
  const { decimals } = data.scale;
  const f = (v: number) => formatNumber(v, data.lang, decimals);
  const missing = data.areas.filter((a) => a.value === null).length;
  return [
    ...classes.map((c) => ({ fill: c.fill, text: c.min === c.max ? f(c.min) : `${f(c.min)} – ${f(c.max)}`, count: c.count })),
    ...(missing > 0 ? [{ fill: NO_FIGURE_FILL, text: NO_DATA[data.lang], count: missing }] : []),
  ];
}

function legend(data: MapData, classes: LegendClass[]): string[] {
  const x = CANVAS.legendX;
  let y = CANVAS.metropole.y + 10;
  const out = [`<g class="legend" data-classes="${data.scale.kind === "numeric" ? classes.length : data.scale.categories.length}" font-size="11">`];
  const heading = data.scale.kind === "numeric" ? data.scale.unit : data.lang === "fr" ? "Statut de l'EPCI" : "Status of the EPCI";
  for (const line of wrap(heading, LEGEND_CHARS - 6)) {
    out.push(`<text x="${x}" y="${y}" font-weight="bold">${escapeXml(line)}</text>`);
    y += 13;
  }
  y += 4;
  for (const row of legendRows(data, classes)) {
    const fill = row.hatched && row.id ? `url(#${hatchId(row.id)})` : row.fill;
    const lines = wrap(`${row.text} (${formatNumber(row.count, data.lang, 0)})`, LEGEND_CHARS - 4);
    out.push(`<rect class="legend-swatch" x="${x}" y="${y}" width="18" height="14" fill="${fill}" stroke="#777" stroke-width="0.5"/>`);
    out.push(textLines(x + 24, y + 11, lines, "legend-row"));
    y += Math.max(22, lines.length * 13 + 9);
  }
  const words = LEVEL_WORDS[data.level][data.lang].plural;
  out.push(`<text x="${x}" y="${y + 4}" font-size="9" fill="#555">${escapeXml(`(n) = ${words}`)}</text>`);
  y += 24;
  if (data.completeness) {
    const marks = [
      { dash: "5 3", text: data.lang === "fr" ? "région dont la liste est incomplète" : "région whose list is incomplete" },
      { dash: "1 2.5", text: data.lang === "fr" ? "région dont le nombre attendu est inconnu" : "région whose expected count is unknown" },
    ];
    for (const mark of marks) {
      const lines = wrap(mark.text, LEGEND_CHARS - 4);
      out.push(`<line x1="${x}" y1="${y + 7}" x2="${x + 18}" y2="${y + 7}" stroke="#000" stroke-width="1.6" stroke-dasharray="${mark.dash}" stroke-linecap="round"/>`);
      out.push(textLines(x + 24, y + 11, lines, "legend-row"));
      y += Math.max(22, lines.length * 13 + 9);
    }
  }
  out.push("</g>");
  return out;
}

/** The marks of the zones-rouges completeness: each région whose list is not complete, outlined (dashes: incomplete; dots: expected count unknown). */
function completenessMarks(data: MapData, shapes: MapShapes): string[] {
  if (!data.completeness) return [];
  return data.completeness
    .filter((c) => c.complete !== true && shapes.regionOutlines.get(c.code))
    .map(
      (c) =>
        `<path class="region-completeness" data-region="${c.code}" data-complete="${c.complete === null ? "unknown" : "false"}" fill="none" stroke="#000" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round" ` +
        `stroke-dasharray="${c.complete === null ? "1 2.5" : "5 3"}" d="${shapes.regionOutlines.get(c.code)}"><title>${escapeXml(c.text)}</title></path>`,
    );
}

/** A line of text under the map, at its place. */
interface FooterLine {
  x: number;
  /** Row number from the top of the footer. */
  row: number;
  text: string;
  bold?: boolean;
}

/** Half the canvas: the two columns of the completeness list. */
const COLUMN_X = 490;
const COLUMN_CHARS = 78;

/**
 * Lines under the map: completeness per région (zones rouges, in two columns), sources, notes,
 * the map's credits (contours, projection, classes).
 */
function footerLines(data: MapData, frames: FrameId[]): FooterLine[] {
  const out: FooterLine[] = [];
  let row = 0;
  const flow = (texts: string[], bold = false) => {
    for (const text of texts) for (const line of wrap(text, FOOTER_CHARS)) out.push({ x: 14, row: row++, text: line, bold });
  };
  if (data.completeness) {
    flow([data.lang === "fr" ? "Complétude de la liste des zones rouges, par région (Region.zonesRougesCoverage)" : "How complete the zones rouges list is, by région (Region.zonesRougesCoverage)"], true);
    const twoColumns = data.completeness.length > 6;
    const entries = data.completeness.map((c) => wrap(`• ${c.text}`, twoColumns ? COLUMN_CHARS : FOOTER_CHARS));
    const half = Math.ceil(entries.length / 2);
    const columns = twoColumns ? [entries.slice(0, half), entries.slice(half)] : [entries];
    const heights = columns.map((column, i) => {
      let r = 0;
      for (const lines of column) for (const text of lines) out.push({ x: i === 0 ? 14 : COLUMN_X, row: row + r++, text });
      return r;
    });
    row += Math.max(...heights);
  }
  flow(data.sourceLines);
  flow(data.notes.map((n) => `${data.lang === "fr" ? "Note :" : "Note:"} ${n}`));
  const projections = [...new Set(frames.map((f) => FRAMES[f].epsg))];
  const projection =
    frames.length === 1
      ? `${frames[0] === "metropole" ? "Lambert-93" : "UTM"} (${projections[0]})`
      : data.lang === "fr"
        ? `Lambert-93 (EPSG:2154) ; outre-mer en médaillons, chacun à sa propre échelle (UTM : ${projections.filter((p) => p !== "EPSG:2154").join(", ")})`
        : `Lambert-93 (EPSG:2154); overseas départements in insets, each at its own scale (UTM: ${projections.filter((p) => p !== "EPSG:2154").join(", ")})`;
  const classes = data.scale.kind === "numeric" ? (data.lang === "fr" ? " Classes : seuils naturels (Ckmeans), couleurs ColorBrewer." : " Classes: natural breaks (Ckmeans), ColorBrewer colours.") : "";
  flow([
    data.lang === "fr"
      ? `Carte : territoire-santé. ${CONTOUR_CREDITS.fr}. Projection : ${projection}.${classes}`
      : `Map: territoire-santé. ${CONTOUR_CREDITS.en}. Projection: ${projection}.${classes}`,
  ]);
  return out;
}

/** What a screen reader says of the map as a whole: what it shows, how many territories in each class, where its table is. */
function description(data: MapData, rows: LegendRow[], tableUrl: string): string {
  const words = LEVEL_WORDS[data.level][data.lang].plural;
  const n = (v: number) => formatNumber(v, data.lang, 0);
  const counts = rows.map((r) => `${r.text} : ${n(r.count)}`).join(" ; ");
  return data.lang === "fr"
    ? `Carte de ${n(data.areas.length)} ${words}, ${scopeWords(data.scope, "fr")} : ${data.title}. ${counts}. Les valeurs, territoire par territoire, avec leur source, sont dans le tableau : ${tableUrl}`
    : `Map of ${n(data.areas.length)} ${words}, ${scopeWords(data.scope, "en")}: ${data.title}. ${counts.replace(/ : /g, ": ")}. The values, territory by territory, with their source, are in the table: ${tableUrl}`;
}

/**
 * A choropleth as a standalone SVG document: title, date, legend, sources and caveats are printed
 * on the map itself, so that a copy keeps its provenance. Self-contained (no script, no external
 * style or font; presentation attributes only, so that it can be inlined in a page), accessible
 * (a title and a description for the whole, a title per territory with its value), with stable
 * hooks per territory (`data-siren` for EPCI, `data-code` otherwise).
 */
export function renderMapSvg(data: MapData, shapes: MapShapes, tableUrl: string): string {
  const values = data.areas.flatMap((a) => (a.value === null ? [] : [a.value]));
  const classes = data.scale.kind === "numeric" ? classify(values, data.scale.worse) : [];
  const fills = new Map(data.scale.kind === "categories" ? data.scale.categories.map((c) => [c.id, c]) : []);
  const paths: string[] = [];
  for (const area of data.areas) {
    const path = shapes.areas.get(area.code);
    if (!path) continue;
    const category = area.category === null ? undefined : fills.get(area.category);
    const fill = category ? (category.hatched ? `url(#${hatchId(category.id)})` : category.fill) : fillOf(area.value, classes);
    paths.push(areaElement(area, data, path, fill));
  }
  const patterns = data.scale.kind === "categories" ? data.scale.categories.filter((c) => c.hatched) : [];
  // A zoomed map is drawn in the frame of its départements (all in one part of France).
  const frames: FrameId[] = data.scope.kind === "france" ? ["metropole", ...shapes.insets.map((i) => i.frame)] : [frameOfDepartment(data.geography.departments[0] ?? "")];
  const footer = footerLines(data, frames);
  const titleLines = wrap(data.title, 74);
  const top = 30 + (titleLines.length - 1) * 22;
  const rows = footer.reduce((n, line) => Math.max(n, line.row + 1), 0);
  const height = CANVAS.bottom + 6 + rows * LINE + 8;
  const legendEntries = legendRows(data, classes);
  const label = `${data.title}, ${subtitle(data)}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS.width}" height="${height}" viewBox="0 0 ${CANVAS.width} ${height}" font-family="DejaVu Sans, Verdana, Arial, sans-serif" ` +
      `role="graphics-document document" aria-roledescription="${data.lang === "fr" ? "carte" : "map"}" lang="${data.lang}" xml:lang="${data.lang}" data-level="${data.level}" data-measure="${escapeXml(data.measure)}">`,
    `<title>${escapeXml(label)}</title>`,
    `<desc>${escapeXml(description(data, legendEntries, tableUrl))}</desc>`,
    patterns.length > 0
      ? `<defs>${patterns
          .map(
            (c) =>
              `<pattern id="${hatchId(c.id)}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">` +
              `<rect width="5" height="5" fill="${c.fill}"/><line x1="0" y1="0" x2="0" y2="5" stroke="#8c8c8c" stroke-width="1.4"/></pattern>`,
          )
          .join("")}</defs>`
      : "",
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...titleLines.map((line, i) => `<text class="map-title" x="14" y="${30 + i * 22}" font-size="20" font-weight="bold">${escapeXml(line)}</text>`),
    `<text class="map-subtitle" x="14" y="${top + 22}" font-size="13" fill="#333">${escapeXml(subtitle(data))}</text>`,
    `<g class="areas" stroke="#ffffff" stroke-width="${shapes.areaStroke}" stroke-linejoin="round">`,
    ...paths,
    "</g>",
    `<g class="borders" fill="none" stroke-linejoin="round" stroke-linecap="round" pointer-events="none">`,
    shapes.departmentBorders ? `<path class="departement-borders" stroke="#6e6e6e" stroke-width="${data.level === "communes" ? 0.6 : 0.5}" d="${shapes.departmentBorders}"/>` : "",
    shapes.regionBorders ? `<path class="region-borders" stroke="#2b2b2b" stroke-width="1" d="${shapes.regionBorders}"/>` : "",
    shapes.scopeOutline ? `<path class="scope-outline" stroke="#2b2b2b" stroke-width="1.2" d="${shapes.scopeOutline}"/>` : "",
    "</g>",
    ...completenessMarks(data, shapes),
    `<g class="insets" font-size="10" fill="#333">`,
    ...shapes.insets.map(
      (inset) =>
        `<rect x="${inset.box.x}" y="${inset.box.y}" width="${inset.box.width}" height="${inset.box.height}" fill="none" stroke="#999" stroke-width="0.6"/>` +
        `<text x="${inset.box.x}" y="${inset.box.y - 4}">${escapeXml(inset.label)}</text>`,
    ),
    "</g>",
    ...legend(data, classes),
    `<g class="sources" font-size="10" fill="#333">`,
    ...footer.map((line) => `<text x="${line.x}" y="${CANVAS.bottom + 6 + line.row * LINE}"${line.bold ? ' font-weight="bold"' : ""}>${escapeXml(line.text)}</text>`),
    "</g>",
    "</svg>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
