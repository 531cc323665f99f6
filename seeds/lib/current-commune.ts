import communesJson from "@etalab/decoupage-administratif/data/communes.json";

interface CogCommune { code: string; type: string; commune?: string; chefLieu?: string; anciensCodes?: string[] }

/**
 * Files use the communes of their own year, and split Paris, Lyon and Marseille into
 * arrondissements. Each such code is mapped to the current commune (COG 2026) that contains it.
 */
export function currentCommuneOf(): Map<string, string> {
  const communes = communesJson as CogCommune[];
  const map = new Map<string, string>();
  for (const c of communes) if (c.type === "commune-actuelle") map.set(c.code, c.code);
  for (const c of communes) if (c.type === "arrondissement-municipal" && c.commune) map.set(c.code, c.commune);
  for (const c of communes) if (c.type === "commune-actuelle") for (const old of c.anciensCodes ?? []) if (!map.has(old)) map.set(old, c.code);
  for (const c of communes) if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu && !map.has(c.code)) map.set(c.code, c.chefLieu);
  return map;
}
