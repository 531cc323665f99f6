import type { RequestContext } from "../context/request-context";
import type { Epci } from "../entities/territories/epci.entity";
import type { Coverage } from "../entities/care-offer/coverage.type";
import { zonesRougesCoverage } from "../services/care-offer/coverage.service";
import { formatDate, formatNumber, type Lang } from "./locale";
import type { MapArea, MapCategory, MapData, RegionCompleteness } from "./map-model";
import { MapSources, siteOf, territoriesSource } from "./map-sources";
import type { ResolvedScope } from "./map-scope";

/** The ministry's list: its date, and the source row of its national count (151). */
const LIST_DATE = "2025-06-27";

/** Colours of the zones-rouges map: the designated in reds (darker = confirmed), the rest light, an unknown status hatched. */
export const ZONE_ROUGE_FILLS = { confirmed: "#cb181d", unconfirmed: "#fc9272", notDesignated: "#f1ece4", unknown: "#dcdcdc" } as const;
type Status = keyof typeof ZONE_ROUGE_FILLS;

const LABELS: Record<Status, Record<Lang, string>> = {
  confirmed: { fr: "zone rouge (confirmée)", en: "zone rouge (confirmed)" },
  unconfirmed: { fr: "zone rouge (non confirmée : lecture incertaine de sa source)", en: "zone rouge (unconfirmed: uncertain reading of its source)" },
  notDesignated: { fr: "non désignée (liste de la région complète)", en: "not designated (the région's list is complete)" },
  unknown: { fr: "statut inconnu : absente de la liste connue, incomplète", en: "unknown: not in the known list, which is incomplete" },
};

const n = (value: number, lang: Lang) => formatNumber(value, lang, 0);

/**
 * A région's line of the legend, from `zonesRougesCoverage`: "Occitanie : liste incomplète :
 * 20 connues sur 28 attendues (dont 1 non confirmée)", "Centre-Val de Loire : nombre attendu
 * inconnu (7 connues)".
 */
export function completenessText(name: string, c: Coverage, lang: Lang): string {
  const unconfirmed = c.unconfirmed ?? 0;
  const fr = lang === "fr";
  const known = fr ? `${n(c.known, lang)} connue${c.known > 1 ? "s" : ""}` : `${n(c.known, lang)} known`;
  const ofThem = unconfirmed === 0 ? "" : fr ? `dont ${n(unconfirmed, lang)} non confirmée${unconfirmed > 1 ? "s" : ""}` : `${n(unconfirmed, lang)} of them unconfirmed`;
  if (c.expected === null) {
    const held = ofThem ? `${known}, ${ofThem}` : known;
    return fr ? `${name} : nombre attendu inconnu (${held})` : `${name}: expected count unknown (${held})`;
  }
  const expected = fr ? `${n(c.expected, lang)} attendue${c.expected > 1 ? "s" : ""}` : `${n(c.expected, lang)} expected`;
  const state = c.complete ? (fr ? "liste complète" : "complete list") : fr ? "liste incomplète" : "incomplete list";
  return fr ? `${name} : ${state} : ${known} sur ${expected}${ofThem ? ` (${ofThem})` : ""}` : `${name}: ${state}: ${known} of ${expected}${ofThem ? ` (${ofThem})` : ""}`;
}

/**
 * The zones rouges of the EPCI drawn: designated (confirmed or not) as loaded, "not designated"
 * only where every région the EPCI touches has a complete list, an unknown status elsewhere (a
 * zone of an incomplete list may be missing). Each région's completeness is `zonesRougesCoverage`.
 */
export async function zonesRougesMapData(ctx: RequestContext, epcis: Epci[], resolved: ResolvedScope, lang: Lang): Promise<Omit<MapData, "level" | "measure" | "lang" | "scope" | "geography">> {
  const [designations, departments, national, regions] = await Promise.all([
    Promise.all(epcis.map((e) => ctx.loaders.zoneRouge.byEpci.load(e.siren))),
    Promise.all(epcis.map((e) => ctx.loaders.department.byEpci.load(e.siren))),
    zonesRougesCoverage(ctx, null),
    ctx.loaders.region.byCode.loadMany([...new Set(resolved.geography.regionOf.values())].sort()),
  ]);
  const regionCodes = new Set(resolved.geography.departments.map((d) => resolved.geography.regionOf.get(d) as string));
  const coverages = new Map<string, Coverage>();
  const touched = new Set([...regionCodes, ...departments.flat().map((d) => d.regionCode)]);
  await Promise.all([...touched].map(async (code) => coverages.set(code, await zonesRougesCoverage(ctx, code))));
  const regionNames = new Map(regions.flatMap((r) => (r && !(r instanceof Error) ? [[r.code, r.name] as const] : [])));

  await MapSources.preload(ctx, [
    ...designations.flatMap((d) => (d ? [d.sourceId] : [])),
    ...[...coverages.values()].flatMap((c) => (c.expectedSourceId ? [c.expectedSourceId] : [])),
  ]);
  const sources = new MapSources();
  const expectedSource = new Map<string, number>();
  for (const code of [...coverages.keys()].sort()) {
    const id = coverages.get(code)?.expectedSourceId;
    if (id) expectedSource.set(code, await sources.addRow(ctx, id));
  }
  const designationSources = new Map<number, number>();
  const counts: Record<Status, number> = { confirmed: 0, unconfirmed: 0, notDesignated: 0, unknown: 0 };
  const areas: MapArea[] = [];
  for (const [i, epci] of epcis.entries()) {
    const designation = designations[i];
    const regionsOf = [...new Set(departments[i].map((d) => d.regionCode))];
    let status: Status;
    let source: number | null = null;
    let detail: string | null = null;
    if (designation) {
      status = designation.confirmed ? "confirmed" : "unconfirmed";
      source = await sources.addRow(ctx, designation.sourceId);
      designationSources.set(source, (designationSources.get(source) ?? 0) + 1);
    } else {
      const incomplete = regionsOf.filter((r) => coverages.get(r)?.complete !== true);
      status = incomplete.length === 0 ? "notDesignated" : "unknown";
      const shown = incomplete.length > 0 ? incomplete : regionsOf;
      detail = shown.map((r) => completenessText(regionNames.get(r) ?? r, coverages.get(r) as Coverage, lang)).join(" ; ");
      source = expectedSource.get(shown[0]) ?? null;
    }
    counts[status]++;
    areas.push({ code: epci.siren, name: epci.name, value: null, category: status, detail, source, vintage: designation ? designation.designatedOn : source === null ? null : LIST_DATE });
  }
  const territories = sources.add("territories", await territoriesSource(ctx));
  const completeness: RegionCompleteness[] = [...regionCodes].sort().map((code) => {
    const c = coverages.get(code) ?? null;
    const name = regionNames.get(code) ?? code;
    return c
      ? { code, name, known: c.known, confirmed: c.confirmed ?? c.known, expected: c.expected, complete: c.complete, text: completenessText(name, c, lang) }
      : { code, name, known: 0, confirmed: 0, expected: null, complete: null, text: name };
  });

  const categories: MapCategory[] = (Object.keys(ZONE_ROUGE_FILLS) as Status[]).map((id) => ({ id, label: LABELS[id][lang], fill: ZONE_ROUGE_FILLS[id], hatched: id === "unknown" }));
  const pages = [...designationSources].sort((a, b) => b[1] - a[1]).map(([i, count]) => `${siteOf(sources.list[i])} (${n(count, lang)})`);
  const expectedPages = [...new Set([...expectedSource.values()])].map((i) => siteOf(sources.list[i]));
  const t = sources.list[territories];
  const sourceLines =
    lang === "fr"
      ? [
          `Désignations : Ministère de la Santé, liste des ${n(national.expected ?? 151, lang)} zones rouges du ${formatDate(LIST_DATE, lang)} (fichier officiel non public), telle que la nomment ${n(pages.length, lang)} pages publiques (EPCI nommés par chacune) : ${pages.join(", ")}.`,
          ...(expectedPages.length > 0 ? [`Nombre attendu par région : ${expectedPages.join(", ")}.`] : []),
          `Territoires : ${t.producer}, ${t.vintage} ; licence : ${t.licence ?? "—"}. Adresse et titre de chaque page dans le tableau.`,
        ]
      : [
          `Designations: Ministère de la Santé, list of the ${n(national.expected ?? 151, lang)} zones rouges of ${formatDate(LIST_DATE, lang)} (official file not public), as ${n(pages.length, lang)} public pages name it (EPCI named by each): ${pages.join(", ")}.`,
          ...(expectedPages.length > 0 ? [`Expected count per région: ${expectedPages.join(", ")}.`] : []),
          `Territories: ${t.producer}, ${t.vintage}; licence: ${t.licence ?? "—"}. Each page's address and title in the table.`,
        ];
  const notes =
    lang === "fr"
      ? [
          `Liste partielle : ${n(national.known, lang)} zones connues (${n(national.confirmed ?? national.known, lang)} confirmées, ${n(national.unconfirmed ?? 0, lang)} non confirmées) sur ${n(national.expected ?? 151, lang)}. ` +
            `Une région dont la liste est incomplète est cernée de tirets, celle dont le nombre attendu est inconnu de pointillés ; ses EPCI absents de la liste sont hachurés (statut inconnu), jamais « non désignés ».`,
          "Chaque zone compte dans la région qui porte l'essentiel de sa population, comme le font les sources.",
        ]
      : [
          `Partial list: ${n(national.known, lang)} zones known (${n(national.confirmed ?? national.known, lang)} confirmed, ${n(national.unconfirmed ?? 0, lang)} unconfirmed) of ${n(national.expected ?? 151, lang)}. ` +
            `A région whose list is incomplete is outlined with dashes, one whose expected count is unknown with dots; its EPCI not in the list are hatched (unknown status), never "not designated".`,
          "Each zone counts in the région holding most of its population, as the sources count them.",
        ];
  return {
    title: lang === "fr" ? "Zones rouges du Pacte de lutte contre les déserts médicaux" : "Zones rouges of the Pacte de lutte contre les déserts médicaux",
    vintage: LIST_DATE,
    areas,
    scale: { kind: "categories", categories },
    sources: sources.list,
    sourceLines,
    notes,
    completeness,
  };
}
