import { canonicalOrigin } from "../config/web-origin";

/** A key is bound to a list of web origins (`npm run keys -- create … --origin https://…`). */

/** Origins given for a key (CLI or admin): each must be an http(s) origin; the message names the first that is not. */
export function parseOrigins(given: readonly string[]): string[] {
  const origins: string[] = [];
  for (const text of given) {
    const origin = canonicalOrigin(text.trim());
    if (!origin) throw new Error(`"${text}" is not a web origin: expected scheme://host[:port], e.g. https://intranet.example`);
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** The stored form of a key's origins (space-separated), and back. */
export const storeOrigins = (origins: readonly string[] | null): string | null => (origins === null ? null : origins.join(" "));
export const readOrigins = (stored: unknown): string[] | null => (typeof stored === "string" && stored.trim() !== "" ? stored.trim().split(/\s+/) : null);
