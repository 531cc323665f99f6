/** A vintage or partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
export const VINTAGE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
