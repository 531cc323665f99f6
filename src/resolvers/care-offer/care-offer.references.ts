import { territoryReferences } from "../shared/references";

/** The care-offer subgraph's view of the territories it extends. */
export const CareOfferRefs = territoryReferences();
