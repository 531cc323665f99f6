import { territoryReferences } from "../shared/references";

/**
 * The care-offer subgraph's view of the territories it extends. Its zones rouges read their
 * EPCI's row (to order them by population): it provides their name and population.
 */
export const CareOfferRefs = territoryReferences({ providesEpci: true });
