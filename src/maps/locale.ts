/**
 * The maps speak French by default (their readers are French), English on request (`lang=en`).
 * Numbers and dates are written the way each language writes them: `1 234,5` and `27 juin 2025`,
 * `1,234.5` and `27 June 2025`.
 */
export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];

/** One text in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number with at most `decimals` decimals. French groups thousands with a narrow no-break space
 * (U+202F); it is written as a plain no-break space (U+00A0), which every font has, so that the
 * PNG's font never lacks the glyph.
 */
export function formatNumber(value: number, lang: Lang, decimals: number): string {
  const key = `${lang}${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format.format(value).replace(/\u202f/g, "\u00a0");
}

const MONTHS: Record<Lang, string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * A date as the data give it, at its own precision: "2025-06-27" → "27 juin 2025" ("1er janvier"
 * for the first of a month, as French writes it), "2024-09" → "septembre 2024", "2023" → "2023".
 * Anything else ("COG 2026", "n.d.") is printed as it is.
 */
export function formatDate(date: string, lang: Lang): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year;
  const monthName = MONTHS[lang][Number(month) - 1];
  if (!monthName) return date;
  if (!day) return `${monthName} ${year}`;
  const dayNumber = Number(day);
  return `${lang === "fr" && dayNumber === 1 ? "1er" : dayNumber} ${monthName} ${year}`;
}

/** Sorts names the way each language does (accents, case and numbers in order). */
export function collator(lang: Lang): Intl.Collator {
  return new Intl.Collator(LOCALES[lang], { numeric: true, sensitivity: "base" });
}

/**
 * "of a date", for a subtitle: "du 27 juin 2025", "de 2023", "d'avril 2024" (French elides before a
 * vowel), "of 27 June 2025"; a vintage that is not a date ("COG 2026") is given after a colon.
 */
export function ofDate(date: string, lang: Lang): string {
  const formatted = formatDate(date, lang);
  if (formatted === date && !/^\d{4}$/.test(date)) return `: ${date}`;
  if (lang === "en") return `of ${formatted}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `du ${formatted}`;
  return /^[aeiouyàâéèêîôûh]/i.test(formatted) ? `d'${formatted}` : `de ${formatted}`;
}
