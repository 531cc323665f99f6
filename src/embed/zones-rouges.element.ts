import type { Api } from "./api";
import { missingAttribute, TsElement, unknownTerritory } from "./base.element";
import { type Child, h } from "./dom";
import {
  colon,
  completenessLine,
  type Ctx,
  type Designation,
  designationNote,
  type Initiative,
  initiativesList,
  population,
  type Region,
  type Source,
  sourcesAndAttribution,
  statusBadge,
  zoneStatus,
} from "./parts";

interface Answer {
  region: (Region & { zonesRouges: { siren: string; name: string; population: number; zoneRouge: Designation; initiatives: Initiative[] }[] }) | null;
  territories: Source | null;
}

/**
 * `<ts-zones-rouges region="76">`: the région's known zones rouges (most populous first; those
 * read from an ambiguous source marked « non confirmée »), each with its population, designation
 * and source, its initiatives and their carriers; the list's completeness; the sources and the
 * attribution line.
 */
export class ZonesRougesElement extends TsElement {
  static readonly observedAttributes = [...TsElement.commonAttributes, "region"];

  protected codeAttribute(): [string, string] {
    return ["region", this.getAttribute("region") ?? ""];
  }

  protected async render(api: Api, ctx: Ctx): Promise<Child[]> {
    const code = this.getAttribute("region")?.trim();
    if (!code) throw missingAttribute('region="76"');
    const { region, territories } = await api.query<Answer>("zonesRouges", { region: code }, this.key);
    if (!region) throw unknownTerritory("region", code);
    const level = this.headingLevel;
    const t = ctx.t.zonesRouges;
    const zones = region.zonesRouges;
    return [
      h(`h${level}`, null, t.title(region.name)),
      h("p", { class: "ts-muted" }, t.intro),
      completenessLine(region, ctx),
      territories && zones.length > 0 ? h("p", { class: "ts-source" }, ctx.t.populationSource(territories.producer, territories.vintage)) : null,
      zones.length === 0
        ? h("p", null, t.none)
        : h(
            "ul",
            { class: "ts-list", "aria-label": t.listLabel(region.name) },
            zones.map((zone) =>
              h(
                "li",
                { "data-siren": zone.siren },
                h("span", { class: "ts-name" }, zone.name),
                " ",
                statusBadge(zoneStatus(zone.zoneRouge, [region]), ctx),
                h("br"),
                `${ctx.t.population}${colon(ctx)}`,
                population(zone.population, territories, ctx),
                designationNote(zone.zoneRouge, ctx),
                h("span", { class: "ts-muted" }, `${ctx.t.initiatives}${colon(ctx)}`),
                initiativesList(zone.initiatives, ctx),
              ),
            ),
          ),
      sourcesAndAttribution(ctx),
    ];
  }
}
