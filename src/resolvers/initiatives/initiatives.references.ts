import { territoryReferences } from "../shared/references";

/** The initiatives subgraph's view of the territories it extends. */
export const InitiativesRefs = territoryReferences();
