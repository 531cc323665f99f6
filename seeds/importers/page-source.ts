import { createHash } from "node:crypto";
import type { SourceRecord } from "../sources";

/** The host of a page address, for a producer line ("as reported by www.egora.fr"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A readable title from an address when the file gives none: host and last path segment. */
export function titleFromUrl(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    const slug = pathname.split("/").filter((s) => s !== "").pop() ?? "";
    return slug ? `${host}: ${decodeURIComponent(slug).replace(/[-_]+/g, " ").replace(/\.\w+$/, "")}` : host;
  } catch {
    return url;
  }
}

export interface PageSourceInput {
  /** Prefix of the id, one per importer ("pdsa", "sas-count"…). */
  prefix: string;
  url: string;
  title: string;
  /** Reference date of the data the page reports (never the page's own date). */
  vintage: string;
  vintageInferred?: boolean;
  producer: string;
  note?: string;
  licence?: string;
}

/**
 * The source record of a figure taken from a public page. One record per page (address and
 * title): the id hashes both, so two files citing the same page share one record.
 */
export function pageSource(input: PageSourceInput): SourceRecord {
  const hash = createHash("sha1").update(`${input.url}\u0000${input.title}`).digest("hex").slice(0, 12);
  return {
    id: `${input.prefix}-${hash}`,
    producer: input.producer,
    title: input.title,
    vintage: input.vintage,
    vintageInferred: input.vintageInferred,
    note: input.note,
    url: input.url,
    licence: input.licence ?? "Facts quoted from a public page (only figures and dates were taken)",
  };
}
