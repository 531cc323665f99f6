/**
 * Département codes as files write them ("1", "01", "02A", "2A", "976") in INSEE form
 * ("01", "2A", "976"); null when the text is not a département code.
 */
export function normalizeDepartmentCode(raw: string): string | null {
  const text = raw.trim().toUpperCase();
  if (/^0?2[AB]$/.test(text)) return text.slice(-2);
  if (/^97[1-6]$/.test(text)) return text;
  if (/^\d{1,2}$/.test(text)) {
    const code = text.padStart(2, "0");
    return code === "00" || code === "20" ? null : code;
  }
  return null;
}

/** Territory keys of the `measure` table: "FR", "region:76", "department:2A". */
export const territoryKey = {
  france: "FR",
  region: (code: string) => `region:${code}`,
  department: (code: string) => `department:${code}`,
};
