import { type Api, ApiProblem } from "./api";
import { badAttribute, TsElement, tooManyAttributes, unknownTerritory } from "./base.element";
import { type Child, h, sourceLink } from "./dom";
import { formatDate } from "./locale";
import { type Ctx, type Source, sourcesAndAttribution } from "./parts";
import { adoptCarte } from "./styles";
import { cleanSvg } from "./svg";

/** `niveau` → the maps' level (docs/maps.md). */
const LEVELS: Record<string, string> = { epci: "epcis", commune: "communes", departement: "departements" };
/** Territory attributes, and the code format of each (a well-formed code the API does not know is "unknown", not "invalid"). */
const SCOPES: Record<string, RegExp> = { region: /^\d{2}$/, departement: /^(\d{2}|2[AB]|97\d)$/i, epci: /^\d{9}$/ };

interface MapTable {
  title: string;
  subtitle: string;
  rows: { code: string; name: string; value: number | null; category: string | null; text: string; detail: string | null; source: number | null; vintage: string | null }[];
  sources: Source[];
  sourceLines: string[];
  notes: string[];
  completeness: { code: string; name: string; known: number; confirmed: number | null; expected: number | null; complete: boolean | null; text: string }[] | null;
}

let tables = 0;

/**
 * `<ts-carte niveau="epci" mesure="zonesRouges" region="76">`: the map of /maps/<level>.svg, inline
 * (its SVG fetched, cleaned, and put in the shadow root: no script, its legend and source lines
 * drawn in it), the completeness of a partial list, and its table alternative one click away
 * (/maps/<level>.json: each territory's value, source and vintage), reachable by keyboard.
 */
export class CarteElement extends TsElement {
  static readonly observedAttributes = [...TsElement.commonAttributes, "niveau", "mesure", "region", "departement", "epci", "tableau"];

  protected override adoptStyles(root: ShadowRoot): void {
    adoptCarte(root);
  }

  protected codeAttribute(): [string, string] {
    const scope = Object.keys(SCOPES).find((k) => this.getAttribute(k)?.trim());
    return scope ? [scope, this.getAttribute(scope) ?? ""] : ["region", ""];
  }

  /** The map's query string: measure, territory, language. */
  private query(ctx: Ctx): string {
    const search = new URLSearchParams();
    const measure = this.getAttribute("mesure")?.trim();
    if (measure) search.set("measure", measure);
    const scopes = Object.keys(SCOPES).filter((k) => this.getAttribute(k)?.trim());
    if (scopes.length > 1) throw tooManyAttributes(scopes);
    for (const scope of scopes) search.set(scope, (this.getAttribute(scope) ?? "").trim());
    search.set("lang", ctx.lang);
    return search.toString();
  }

  protected async render(api: Api, ctx: Ctx): Promise<Child[]> {
    const niveau = (this.getAttribute("niveau") ?? "epci").trim();
    const level = LEVELS[niveau];
    if (!level) throw badAttribute("niveau", niveau, Object.keys(LEVELS));
    const query = this.query(ctx);
    let svgText: string;
    let table: MapTable;
    try {
      [svgText, table] = await Promise.all([api.mapText(`/maps/${level}.svg?${query}`, this.key), api.mapJson<MapTable>(`/maps/${level}.json?${query}`, this.key)]);
    } catch (error) {
      throw this.explain(error);
    }
    const svg = cleanSvg(svgText);
    if (!svg) throw new ApiProblem({ kind: "other", status: 200 });
    for (const source of table.sources) ctx.cite.add(source);
    const tableId = `ts-carte-table-${++tables}`;
    const open = this.getAttribute("tableau") === "ouvert";
    const button = h("button", { type: "button", "aria-expanded": String(open), "aria-controls": tableId }, open ? ctx.t.carte.hideTable : ctx.t.carte.showTable);
    // The table is built when first opened: a national map has 1,255 rows the first render need not wait for.
    const wrap = h("div", { class: "ts-table-wrap", id: tableId, role: "region", "aria-label": ctx.t.carte.tableLabel(table.title), tabindex: "0", hidden: !open });
    if (open) wrap.appendChild(this.table(table, ctx));
    button.addEventListener("click", () => {
      const show = wrap.hidden;
      if (show && !wrap.firstChild) wrap.appendChild(this.table(table, ctx));
      wrap.hidden = !show;
      button.setAttribute("aria-expanded", String(show));
      button.textContent = show ? ctx.t.carte.hideTable : ctx.t.carte.showTable;
    });
    return [
      h(`h${this.headingLevel}`, null, table.title),
      h("p", { class: "ts-muted" }, table.subtitle),
      (table.completeness ?? []).map((c) =>
        h("p", { class: "ts-completeness", "data-region": c.code, "data-known": c.known, "data-expected": c.expected ?? "", "data-complete": c.complete === null ? "" : String(c.complete) }, c.text),
      ),
      h("figure", { class: "ts-map" }, svg, h("figcaption", { class: "ts-muted" }, [...table.notes, ...table.sourceLines].map((line) => h("span", { class: "ts-source" }, line)))),
      button,
      wrap,
      sourcesAndAttribution(ctx),
    ];
  }

  /** The map's 400s in the component's words: an unknown measure or level, an invalid or unknown territory. */
  private explain(error: unknown): unknown {
    if (!(error instanceof ApiProblem) || error.problem.kind !== "invalidCode") return error;
    const { arguments: names, validValues } = error.problem;
    const scope = names.find((n) => n in SCOPES);
    if (scope) {
      const code = (this.getAttribute(scope) ?? "").trim();
      return SCOPES[scope].test(code) ? unknownTerritory(scope, code) : error;
    }
    if (names.includes("measure")) return badAttribute("mesure", this.getAttribute("mesure") ?? "", validValues?.measure ?? []);
    return badAttribute(names[0] ?? "?", this.getAttribute(names[0] ?? "") ?? "", validValues?.[names[0]] ?? []);
  }

  private table(table: MapTable, ctx: Ctx): HTMLElement {
    const t = ctx.t.carte;
    return h(
      "table",
      null,
      h("caption", null, `${table.title} — ${table.subtitle}`),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t.territory), h("th", { scope: "col" }, t.value), h("th", { scope: "col" }, t.source))),
      h(
        "tbody",
        null,
        table.rows.map((row) => {
          const source = row.source === null ? null : table.sources[row.source];
          return h(
            "tr",
            { "data-code": row.code, "data-value": row.value ?? "", "data-category": row.category ?? "" },
            h("th", { scope: "row" }, row.name, h("span", { class: "ts-source" }, row.code)),
            h("td", { class: row.value === null ? null : "ts-num" }, row.text, row.detail ? h("span", { class: "ts-source" }, row.detail) : null),
            h("td", null, source ? [sourceLink(source.url, source.producer), row.vintage ? `, ${formatDate(row.vintage, ctx.lang)}` : ""] : ""),
          );
        }),
      ),
    );
  }
}
