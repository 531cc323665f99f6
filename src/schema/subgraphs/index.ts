import type { SubgraphDefinition } from "../subgraph";
import { careOfferSubgraph } from "./care-offer.subgraph";
import { initiativesSubgraph } from "./initiatives.subgraph";
import { territoriesSubgraph } from "./territories.subgraph";

/** Our subgraphs, in the order the gateway lists them. */
export const ALL_SUBGRAPHS: SubgraphDefinition[] = [territoriesSubgraph, careOfferSubgraph, initiativesSubgraph];
