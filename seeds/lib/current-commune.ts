import communesJson from "@etalab/decoupage-administratif/data/communes.json";

interface CogCommune { code: string; nom: string; type: string; commune?: string; chefLieu?: string; anciensCodes?: string[] }

/** A code of a commune merged since into a current commune (COG 2026). */
export interface FormerCommuneCode {
  code: string;
  /** The current commune it belongs to now. */
  communeCode: string;
  /** The delegated or associated commune's name, when the COG still lists it. */
  name: string | null;
}

/**
 * Former commune codes and the current commune each now belongs to: the `anciensCodes` of
 * current communes first, then delegated and associated communes by their `chefLieu` (none is
 * left over in COG 2026, but earlier vintages had some). Arrondissements are not former
 * communes and are not listed. A code that is current is never former.
 */
export function formerCommuneCodes(): FormerCommuneCode[] {
  const communes = communesJson as CogCommune[];
  const current = new Set(communes.filter((c) => c.type === "commune-actuelle").map((c) => c.code));
  const names = new Map<string, string>();
  for (const c of communes) if (c.type === "commune-deleguee" || c.type === "commune-associee") names.set(c.code, c.nom);
  const former = new Map<string, FormerCommuneCode>();
  const add = (code: string, communeCode: string) => {
    if (!current.has(code) && !former.has(code)) former.set(code, { code, communeCode, name: names.get(code) ?? null });
  };
  for (const c of communes) if (c.type === "commune-actuelle") for (const old of c.anciensCodes ?? []) add(old, c.code);
  for (const c of communes) if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu) add(c.code, c.chefLieu);
  return [...former.values()];
}

/**
 * Files use the communes of their own year, and split Paris, Lyon and Marseille into
 * arrondissements. Each such code is mapped to the current commune (COG 2026) that contains it.
 */
export function currentCommuneOf(): Map<string, string> {
  const communes = communesJson as CogCommune[];
  const map = new Map<string, string>();
  for (const c of communes) if (c.type === "commune-actuelle") map.set(c.code, c.code);
  for (const c of communes) if (c.type === "arrondissement-municipal" && c.commune) map.set(c.code, c.commune);
  for (const f of formerCommuneCodes()) if (!map.has(f.code)) map.set(f.code, f.communeCode);
  return map;
}
