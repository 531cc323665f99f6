import { type Child, h, siteOf, sourceLink } from "./dom";
import { decimalsOf, formatDate, formatNumber, kindText, type Lang, type Texts, unitText } from "./locale";

/** The shapes of the embed's documents (src/embed/operations.ts). */
export interface Source {
  producer: string;
  title: string;
  vintage: string;
  vintageInferred?: boolean;
  publishedOn?: string | null;
  url: string | null;
  licence: string | null;
}
export interface Measure {
  value: number;
  unit: string;
  date: string | null;
  method: string | null;
  note: string | null;
  source: Source;
}
export interface Coverage {
  known: number;
  confirmed: number | null;
  unconfirmed: number | null;
  expected: number | null;
  complete: boolean | null;
  expectedSource: Source | null;
}
export interface Region {
  code: string;
  name: string;
  zonesRougesCoverage: Coverage;
}
export interface Designation {
  designatedOn: string;
  confirmed: boolean;
  note: string | null;
  source: Source;
}
export interface Initiative {
  id: string;
  title: string;
  kind: string;
  status: string;
  startedOn: string | null;
  carriers: { name: string }[];
  source: Source | null;
}

/** What a component prints and cites: each figure's source goes to its source list and attribution line. */
export class Citations {
  private readonly seen = new Map<string, Source>();
  add(source: Source | null | undefined): void {
    if (source) this.seen.set(`${source.producer}\n${source.title}\n${source.vintage}`, source);
  }
  get all(): Source[] {
    return [...this.seen.values()];
  }
}

export interface Ctx {
  lang: Lang;
  t: Texts;
  cite: Citations;
}

/** French puts a no-break space before a colon. */
export const colon = (ctx: Ctx): string => (ctx.lang === "fr" ? "\u00a0: " : ": ");

/** A date or vintage as printed ("27 juin 2025", "2023", "COG 2026"). */
export const dateText = (date: string, ctx: Ctx): string => formatDate(date, ctx.lang);

/** "DREES, 2023 (millésime déduit)", the producer linked to its page. */
export function sourceNote(source: Source, ctx: Ctx): HTMLElement {
  ctx.cite.add(source);
  return h(
    "span",
    { class: "ts-source" },
    `${ctx.t.source}${colon(ctx)}`,
    sourceLink(source.url, source.producer),
    `, ${dateText(source.vintage, ctx)}`,
    source.vintageInferred ? ` (${ctx.t.vintageInferred})` : "",
  );
}

/** A figure: its value with unit, or « non connu » (never 0); `data-value` holds the exact figure. */
export function measureValue(measure: Measure | null, ctx: Ctx): HTMLElement {
  if (!measure) return h("span", { class: "ts-figure ts-unknown", "data-value": "" }, ctx.t.unknown);
  return h("span", { class: "ts-figure", "data-value": measure.value }, `${formatNumber(measure.value, ctx.lang, decimalsOf(measure.unit))} ${unitText(measure.unit, ctx.lang)}`);
}

/** A term and its figure with its source and caveats, for a <dl>. */
export function measureEntry(label: string, measure: Measure | null, ctx: Ctx, name: string): Child[] {
  return [
    h("dt", null, label),
    h(
      "dd",
      { "data-measure": name },
      measureValue(measure, ctx),
      measure ? sourceNote(measure.source, ctx) : null,
      measure?.method ? h("span", { class: "ts-source" }, measure.method) : null,
      measure?.note ? h("span", { class: "ts-source" }, measure.note) : null,
    ),
  ];
}

/** A population with its source (INSEE's legal populations, from the dataset catalogue). */
export function population(value: number, territories: Source | null, ctx: Ctx): Child[] {
  if (territories) ctx.cite.add({ ...territories, vintageInferred: false });
  return [h("span", { class: "ts-figure", "data-value": value }, `${formatNumber(value, ctx.lang)} ${ctx.t.inhabitants}`)];
}

/**
 * The completeness of a région's list of zones rouges, always printed next to anything read from
 * it: « Liste incomplète : 20 connues sur 28 attendues (dont 1 non confirmée) — nombre attendu : … ».
 */
export function completenessLine(region: Region, ctx: Ctx): HTMLElement {
  const c = region.zonesRougesCoverage;
  const t = ctx.t.completeness;
  const head = c.expected === null ? t.unknownExpected(c.known) : c.complete ? t.complete(c.known, c.expected) : t.incomplete(c.known, c.expected);
  if (c.expectedSource) ctx.cite.add(c.expectedSource);
  return h(
    "p",
    { class: "ts-completeness", "data-region": region.code, "data-known": c.known, "data-expected": c.expected ?? "", "data-complete": c.complete === null ? "" : String(c.complete) },
    `${region.name} — ${head}`,
    c.unconfirmed ? t.unconfirmed(c.unconfirmed) : "",
    c.expectedSource ? t.expectedFrom(c.expectedSource.producer, dateText(c.expectedSource.vintage, ctx)) : "",
    ".",
  );
}

export type ZoneStatus = "confirmed" | "unconfirmed" | "notDesignated" | "unknown";

/**
 * An EPCI's zone-rouge status, as the maps draw it: designated (confirmed or not); "non désignée"
 * only when every région it lies in has a complete list; otherwise unknown (it may be a zone not yet known).
 */
export function zoneStatus(designation: Designation | null, regions: Region[]): ZoneStatus {
  if (designation) return designation.confirmed ? "confirmed" : "unconfirmed";
  return regions.length > 0 && regions.every((r) => r.zonesRougesCoverage.complete === true) ? "notDesignated" : "unknown";
}

export function statusBadge(status: ZoneStatus, ctx: Ctx): HTMLElement {
  return h("span", { class: `ts-status ts-status-${status}`, "data-category": status }, ctx.t.status[status]);
}

/** "désignée le 27 juin 2025 — source : www.occitanie-tribune.com, 27 juin 2025", with the caveat of an unconfirmed one. */
export function designationNote(designation: Designation, ctx: Ctx): Child[] {
  ctx.cite.add(designation.source);
  const site = siteOf(designation.source.url);
  return [
    h(
      "span",
      { class: "ts-source" },
      `${ctx.t.designatedOn(dateText(designation.designatedOn, ctx))} — ${ctx.t.source}${colon(ctx)}`,
      sourceLink(designation.source.url, site ?? designation.source.producer),
      designation.source.publishedOn ? `, ${dateText(designation.source.publishedOn, ctx)}` : "",
    ),
    designation.note ? h("span", { class: "ts-source" }, designation.note) : null,
  ];
}

/** Initiatives with their kind, carriers and source; "none listed" rather than an empty box. */
export function initiativesList(initiatives: Initiative[], ctx: Ctx): HTMLElement {
  if (initiatives.length === 0) return h("p", { class: "ts-muted" }, ctx.t.noInitiative);
  return h(
    "ul",
    { class: "ts-plain" },
    initiatives.map((i) => {
      if (i.source) ctx.cite.add(i.source);
      return h(
        "li",
        { "data-initiative": i.id },
        h("span", { class: "ts-name" }, i.title),
        ` (${kindText(i.kind, ctx.lang)}${i.startedOn ? `, ${dateText(i.startedOn, ctx)}` : ""})`,
        i.carriers.length > 0 ? ` — ${ctx.t.carriedBy} ${i.carriers.map((c) => c.name).join(", ")}` : "",
        h(
          "span",
          { class: "ts-source" },
          i.source ? [`${ctx.t.source}${colon(ctx)}`, sourceLink(i.source.url, i.source.producer), `, ${dateText(i.source.vintage, ctx)}`] : ctx.t.recordedByPartner,
        ),
      );
    }),
  );
}

const isLicenceOuverte = (s: Source) => /^licence ouverte/i.test(s.licence ?? "");

/**
 * The sources of everything printed, then the Licence Ouverte attribution line: each open-licence
 * producer with the date of its data, as the licence asks (« Licence Ouverte / Etalab 2.0 : DREES, 2023 ; … »).
 */
export function sourcesAndAttribution(ctx: Ctx): Child[] {
  const sources = ctx.cite.all;
  const open = new Map<string, string>();
  for (const s of sources.filter(isLicenceOuverte)) {
    const entry = `${s.producer}, ${dateText(s.vintage, ctx)}`;
    open.set(entry, entry);
  }
  return [
    // Each figure names its source next to it; the full list (titles, addresses, licences) is one click away.
    h(
      "details",
      { class: "ts-sources-list" },
      h("summary", null, `${ctx.t.sources} (${sources.length})`),
      h(
        "ul",
        { class: "ts-sources" },
        sources.map((s) => h("li", null, sourceLink(s.url, s.title), ` — ${s.producer}, ${dateText(s.vintage, ctx)}${s.licence ? ` ; ${s.licence}` : ""}.`)),
      ),
    ),
    h(
      "p",
      { class: "ts-attribution", "data-attribution": "" },
      open.size > 0 ? `${ctx.t.licenceLine} ${[...open.values()].join(" ; ")}. ${ctx.t.servedBy}` : `${ctx.t.noLicenceOuverte} ${ctx.t.servedBy}`,
    ),
  ];
}
