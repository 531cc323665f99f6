/**
 * The form in which names are stored and searched: lower case, no accents, ligatures spelt
 * out, punctuation as single spaces. "Pont-de-Chéruy" and "pont de cheruy" both give
 * "pont de cheruy".
 */
export function toSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Abbreviations people type for words that names spell out. No name of the COG 2026 has "st",
 * "ste", "sts" or "stes" as a word, so expanding them never hides a match.
 */
const ABBREVIATIONS = new Map([
  ["st", "saint"],
  ["ste", "sainte"],
  ["sts", "saints"],
  ["stes", "saintes"],
]);

/**
 * What a search looks for, as people type names: the search form of the text with "St"/"Ste"
 * spelt out ("st-etienne" → "saint etienne"), and the same without spaces ("saintetienne"), which
 * also matches names typed without their hyphens or apostrophes ("pont dain" for "Pont-d'Ain").
 */
export function toSearchQuery(text: string): { words: string; compact: string } {
  const words = toSearchText(text)
    .split(" ")
    .map((word) => ABBREVIATIONS.get(word) ?? word)
    .join(" ");
  return { words, compact: words.replace(/ /g, "") };
}
