import type { SubgraphDefinition } from "../subgraph";
import { territoriesSubgraph } from "./territories.subgraph";

/** Our subgraphs, in the order the gateway lists them. */
export const ALL_SUBGRAPHS: SubgraphDefinition[] = [territoriesSubgraph];
