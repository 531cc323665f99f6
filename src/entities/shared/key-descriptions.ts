/** Descriptions of entity keys, shared by the owning and the extending subgraphs so that composition sees one text. */
export const KEY_DESCRIPTIONS = {
  regionCode: 'INSEE région code, two digits (e.g. "76" for Occitanie, "01" for Guadeloupe).',
  departmentCode: 'INSEE département code: "46" (Lot), "2A" (Corse-du-Sud), "971" (Guadeloupe).',
  epciSiren: "SIREN of the EPCI: nine digits, e.g. 200035327 (CC Cazals-Salviac).",
  communeCode: 'INSEE commune code (not the postal code), e.g. "38316" for Pont-de-Chéruy.',
} as const;

/**
 * Descriptions of the EPCI fields the care-offer subgraph provides with its zones rouges
 * (`@provides`, docs/scale-out.md): the owner's and the provider's declarations share one text.
 */
export const PROVIDED_EPCI_DESCRIPTIONS = {
  name: 'Official name, with its legal form ("CC Cazals-Salviac").',
  population: "Population totale (INSEE legal population, counting people counted elsewhere too).",
} as const;
