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
