/** Formats of the identifiers partners send. A well-formed code that matches nothing is not an error: it gives null. */
export const REGION_CODE = /^\d{2}$/;
export const DEPARTMENT_CODE = /^(\d{2}|2[AB]|97[1-6])$/;
export const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
export const SIREN = /^\d{9}$/;
export const POSTAL_CODE = /^\d{5}$/;

/** A code format without its `^…$` anchors, to embed in a larger pattern. */
const unanchored = (format: RegExp) => format.source.replace(/^\^|\$$/g, "");

/** Territory keys of indicators: France, a région or a département. */
export const TERRITORY_KEY = new RegExp(`^(FR|region:${unanchored(REGION_CODE)}|department:${unanchored(DEPARTMENT_CODE)})$`);

export const FORMAT_HINTS = {
  region: 'two digits, e.g. "76"',
  department: 'two digits, "2A"/"2B" or 971–976, e.g. "46"',
  commune: 'five characters, the INSEE code (not the postal code), e.g. "38316"',
  siren: 'nine digits, e.g. "200035327"',
  postalCode: 'five digits, the La Poste postal code, e.g. "46100"',
} as const;
