import type { RequestContext } from "../context/request-context";
import type { Source } from "../entities/shared/source.entity";
import { findDataset } from "../services/care-offer/dataset.service";
import { sourceOf } from "../services/shared/source.service";
import { formatDate, type Lang } from "./locale";
import type { MapSource } from "./map-model";

/** The sources of a map, each once, in the order first met: territories point to them by index. */
export class MapSources {
  readonly list: MapSource[] = [];
  private readonly index = new Map<string, number>();

  /** The index of a source, added when first met; `key` identifies it (a source row's id). */
  add(key: string, source: MapSource): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.push(source) - 1;
      this.index.set(key, i);
    }
    return i;
  }

  /** Loads source rows in one batch (the request's source loader keeps them), before they are added one by one in a chosen order. */
  static async preload(ctx: RequestContext, ids: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(ids)].map((id) => ctx.loaders.source.byId.load(id)));
  }

  /** A row of the `source` table, by id. */
  async addRow(ctx: RequestContext, id: string): Promise<number> {
    const known = this.index.get(id);
    return known ?? this.add(id, fromSourceRow(await sourceOf(ctx, id)));
  }
}

export function fromSourceRow(s: Source): MapSource {
  return { producer: s.producer, title: s.title, vintage: s.vintage, vintageInferred: s.vintageInferred, licence: s.licence, url: s.url };
}

/** The territories' own figures (names, populations, memberships): the dataset catalogue's "territories" entry. */
export async function territoriesSource(ctx: RequestContext): Promise<MapSource> {
  const dataset = await findDataset(ctx, "territories");
  if (!dataset) throw new Error('the dataset catalogue has no "territories" entry: the database was not seeded');
  return { producer: dataset.producer, title: dataset.title, vintage: dataset.vintage, vintageInferred: false, licence: dataset.licence, url: dataset.url };
}

/** A source as printed under a map: producer, title, vintage (marked when inferred), licence. */
export function describeSource(s: MapSource, lang: Lang): string {
  const vintage = formatDate(s.vintage, lang);
  return lang === "fr"
    ? `Source : ${s.producer}, « ${s.title} », millésime ${vintage}${s.vintageInferred ? " (déduit)" : ""}${s.licence ? ` ; licence : ${s.licence}` : ""}.`
    : `Source: ${s.producer}, "${s.title}", vintage ${vintage}${s.vintageInferred ? " (inferred)" : ""}${s.licence ? `; licence: ${s.licence}` : ""}.`;
}

/** Where a page is published: its site's name (the host of its address), else its producer. */
export function siteOf(s: MapSource): string {
  if (s.url) {
    try {
      return new URL(s.url.split(" ")[0]).host;
    } catch {
      // not an address: the producer names it
    }
  }
  return s.producer;
}
