import type { Api } from "./api";
import { missingAttribute, tooManyAttributes, TsElement, unknownTerritory } from "./base.element";
import { type Child, h } from "./dom";
import {
  colon,
  completenessLine,
  type Ctx,
  type Designation,
  designationNote,
  type Initiative,
  initiativesList,
  type Measure,
  measureEntry,
  population,
  type Region,
  type Source,
  sourcesAndAttribution,
  statusBadge,
  zoneStatus,
} from "./parts";

interface Epci {
  siren: string;
  name: string;
  kind: string;
  population: number;
  apl: Measure | null;
  zoneRouge: Designation | null;
  departments: { code: string; name: string; region: Region }[];
  initiatives: Initiative[];
}

interface CommuneAnswer {
  commune: {
    code: string;
    name: string;
    population: number;
    formerCodeGiven: string | null;
    apl: Measure | null;
    department: { code: string; name: string; gpDensity: Measure | null; region: Region };
    epci: Epci | null;
    initiatives: Initiative[];
  } | null;
  territories: Source | null;
}

interface EpciAnswer {
  epci: Epci | null;
  territories: Source | null;
}

interface DepartementAnswer {
  department: {
    code: string;
    name: string;
    population: number;
    gpDensity: Measure | null;
    apl: Measure | null;
    region: Region;
    zonesRouges: { siren: string; name: string; zoneRouge: Designation }[];
    initiatives: Initiative[];
  } | null;
  territories: Source | null;
}

const KINDS = ["commune", "epci", "departement"] as const;
type Kind = (typeof KINDS)[number];

/** Each région once, in order. */
const uniqueRegions = (regions: Region[]) => [...new Map(regions.map((r) => [r.code, r])).values()];

/** Each initiative once (a commune's and its EPCI's lists overlap). */
const uniqueInitiatives = (lists: Initiative[][]) => [...new Map(lists.flat().map((i) => [i.id, i])).values()];

/**
 * `<ts-territoire commune="38316">` (or `epci="200035327"`, `departement="46"`): a territory card
 * with its EPCI, its zone-rouge status and the completeness of the list it is read from, the GP
 * density of its département and its APL with their vintages and sources, the initiatives nearby.
 */
export class TerritoireElement extends TsElement {
  static readonly observedAttributes = [...TsElement.commonAttributes, ...KINDS];

  private territory(): [Kind, string] {
    const given = KINDS.filter((k) => this.getAttribute(k)?.trim());
    if (given.length === 0) throw missingAttribute('commune="38316"', 'epci="200035327"', 'departement="46"');
    if (given.length > 1) throw tooManyAttributes(given);
    return [given[0], (this.getAttribute(given[0]) ?? "").trim()];
  }

  protected codeAttribute(): [string, string] {
    const given = KINDS.find((k) => this.getAttribute(k)?.trim());
    return given ? [given, this.getAttribute(given) ?? ""] : ["commune", ""];
  }

  protected async render(api: Api, ctx: Ctx): Promise<Child[]> {
    const [kind, code] = this.territory();
    if (kind === "commune") {
      const { commune, territories } = await api.query<CommuneAnswer>("commune", { code }, this.key);
      if (!commune) throw unknownTerritory(kind, code);
      return this.communeCard(commune, territories, ctx);
    }
    if (kind === "epci") {
      const { epci, territories } = await api.query<EpciAnswer>("epci", { siren: code }, this.key);
      if (!epci) throw unknownTerritory(kind, code);
      return this.epciCard(epci, territories, ctx);
    }
    const { department, territories } = await api.query<DepartementAnswer>("departement", { code }, this.key);
    if (!department) throw unknownTerritory(kind, code);
    return this.departementCard(department, territories, ctx);
  }

  private heading(text: string, ctx: Ctx, sub?: string): Child[] {
    return [h(`h${this.headingLevel}`, null, text), sub ? h("p", { class: "ts-muted" }, sub) : null];
  }

  private populationEntry(value: number, territories: Source | null, ctx: Ctx): Child[] {
    return [
      h("dt", null, ctx.t.population),
      h(
        "dd",
        { "data-measure": "population" },
        population(value, territories, ctx),
        territories ? h("span", { class: "ts-source" }, ctx.t.populationSource(territories.producer, territories.vintage)) : null,
      ),
    ];
  }

  /** The zone-rouge status of an EPCI, with the completeness it depends on when it is not designated. */
  private zoneEntry(epci: Epci, ctx: Ctx): Child[] {
    const regions = uniqueRegions(epci.departments.map((d) => d.region));
    return [
      h("dt", null, ctx.t.territoire.zoneRouge),
      h("dd", { "data-measure": "zoneRouge", "data-siren": epci.siren }, statusBadge(zoneStatus(epci.zoneRouge, regions), ctx), epci.zoneRouge ? designationNote(epci.zoneRouge, ctx) : null),
    ];
  }

  private completeness(regions: Region[], ctx: Ctx): Child[] {
    return uniqueRegions(regions).map((r) => completenessLine(r, ctx));
  }

  private communeCard(commune: NonNullable<CommuneAnswer["commune"]>, territories: Source | null, ctx: Ctx): Child[] {
    const t = ctx.t.territoire;
    const epci = commune.epci;
    const dept = `${commune.department.name} (${commune.department.code})`;
    return [
      this.heading(`${commune.name} (${commune.code})`, ctx, `${t.commune(dept)}${commune.formerCodeGiven ? ` · ${t.formerCode(commune.formerCodeGiven)}` : ""}`),
      this.completeness(epci ? epci.departments.map((d) => d.region) : [commune.department.region], ctx),
      h(
        "dl",
        null,
        this.populationEntry(commune.population, territories, ctx),
        h("dt", null, t.epciOf),
        h(
          "dd",
          { "data-measure": "epci" },
          epci ? [h("span", { class: "ts-name" }, epci.name), ` (${t.siren} ${epci.siren})${colon(ctx)}`, population(epci.population, territories, ctx)] : t.noEpci,
        ),
        epci ? this.zoneEntry(epci, ctx) : null,
        measureEntry(`${t.apl} — ${commune.name}`, commune.apl, ctx, "apl"),
        epci ? measureEntry(t.aplOf(epci.name), epci.apl, ctx, "epciApl") : null,
        measureEntry(t.gpDensity(dept), commune.department.gpDensity, ctx, "gpDensity"),
      ),
      h(`h${Math.min(this.headingLevel + 1, 6)}`, { class: "ts-sub" }, t.initiativesNearby),
      initiativesList(uniqueInitiatives([commune.initiatives, epci?.initiatives ?? []]), ctx),
      sourcesAndAttribution(ctx),
    ];
  }

  private epciCard(epci: Epci, territories: Source | null, ctx: Ctx): Child[] {
    const t = ctx.t.territoire;
    const depts = epci.departments.map((d) => `${d.name} (${d.code})`).join(", ");
    return [
      this.heading(epci.name, ctx, `${t.epci} · ${t.siren} ${epci.siren} · ${depts}`),
      this.completeness(epci.departments.map((d) => d.region), ctx),
      h("dl", null, this.populationEntry(epci.population, territories, ctx), this.zoneEntry(epci, ctx), measureEntry(t.apl, epci.apl, ctx, "apl")),
      h(`h${Math.min(this.headingLevel + 1, 6)}`, { class: "ts-sub" }, t.initiativesNearby),
      initiativesList(epci.initiatives, ctx),
      sourcesAndAttribution(ctx),
    ];
  }

  private departementCard(d: NonNullable<DepartementAnswer["department"]>, territories: Source | null, ctx: Ctx): Child[] {
    const t = ctx.t.territoire;
    const name = `${d.name} (${d.code})`;
    return [
      this.heading(name, ctx, t.departement(d.region.name)),
      completenessLine(d.region, ctx),
      h(
        "dl",
        null,
        this.populationEntry(d.population, territories, ctx),
        measureEntry(t.gpDensity(name), d.gpDensity, ctx, "gpDensity"),
        measureEntry(t.apl, d.apl, ctx, "apl"),
        h("dt", null, t.zonesRougesOfDept),
        h(
          "dd",
          { "data-measure": "zonesRouges" },
          d.zonesRouges.length === 0
            ? t.noZoneRougeKnown
            : h(
                "ul",
                { class: "ts-plain" },
                d.zonesRouges.map((z) => h("li", { "data-siren": z.siren }, h("span", { class: "ts-name" }, z.name), " ", statusBadge(zoneStatus(z.zoneRouge, [d.region]), ctx), designationNote(z.zoneRouge, ctx))),
              ),
        ),
      ),
      h(`h${Math.min(this.headingLevel + 1, 6)}`, { class: "ts-sub" }, t.initiativesNearby),
      initiativesList(d.initiatives, ctx),
      sourcesAndAttribution(ctx),
    ];
  }
}
