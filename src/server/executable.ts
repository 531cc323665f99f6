import type { QueryPlan } from "@apollo/query-planner";
import { buildFederatedSubgraph } from "../schema/build-schema";
import { buildMonolithSchema } from "../schema/monolith";
import { ALL_SUBGRAPHS } from "../schema/subgraphs";
import { createGateway, reportToStderr } from "../gateway/create-gateway";
import { DEFAULT_GATEWAY_CONFIG, type GatewayConfig } from "../config/gateway-config";
import { buildLocalSubgraphs } from "../gateway/local-subgraphs";
import { LocalFirstGateway } from "../gateway/local-first";
import type { Executable } from "./app";

/**
 * What a process serves:
 * - `gateway` (the default): the supergraph, our subgraphs in-process unless configured elsewhere, plus partners;
 * - `subgraph`: one of our subgraphs alone, for a gateway or Apollo Router on another machine;
 * - `monolith`: every subgraph merged into one schema without a gateway (a benchmark contender).
 */
export type ServeMode =
  | {
      kind: "gateway";
      config?: GatewayConfig;
      /**
       * Operations that only our in-process subgraphs answer run in one pass on their merged
       * schema, without a query plan (src/gateway/local-first.ts). Default true; always off when
       * one of our subgraphs is remote, or when `onQueryPlan` wants to see the plans.
       */
      localExecution?: boolean;
    }
  | { kind: "subgraph"; name: string }
  | { kind: "monolith" };

export class UnknownSubgraphError extends Error {
  override name = "UnknownSubgraphError";
}

export interface BuildOptions {
  /** Where masked unexpected errors of in-process subgraphs go. Default: stderr. */
  reportError?: (error: unknown) => void;
  /** How long the gateway waits for a remote subgraph. Default: SUBGRAPH_TIMEOUT_MS's (src/config/config.ts). */
  subgraphTimeoutMs?: number;
  /** Called with each query plan the gateway makes (gateway mode only). */
  onQueryPlan?: (plan: QueryPlan) => void;
}

export async function buildExecutable(mode: ServeMode, options: BuildOptions = {}): Promise<{ executable: Executable; description: string }> {
  if (mode.kind === "monolith") {
    return { executable: { schema: await buildMonolithSchema(ALL_SUBGRAPHS) }, description: "monolithic schema (no gateway)" };
  }
  if (mode.kind === "subgraph") {
    const definition = ALL_SUBGRAPHS.find((s) => s.name === mode.name);
    if (!definition) {
      throw new UnknownSubgraphError(`unknown subgraph "${mode.name}" (ours are: ${ALL_SUBGRAPHS.map((s) => s.name).join(", ")})`);
    }
    const { schema } = await buildFederatedSubgraph(definition);
    return { executable: { schema }, description: `subgraph "${mode.name}" alone` };
  }
  const config = mode.config ?? DEFAULT_GATEWAY_CONFIG;
  const { gateway, subgraphs } = await createGateway(await buildLocalSubgraphs(), {
    config,
    reportError: options.reportError,
    remoteTimeoutMs: options.subgraphTimeoutMs,
    onQueryPlan: options.onQueryPlan,
  });
  const ours = Object.keys(config.subgraphs).length === 0;
  if ((mode.localExecution ?? true) && ours && !options.onQueryPlan) {
    return {
      executable: { gateway: new LocalFirstGateway(gateway, await buildMonolithSchema(ALL_SUBGRAPHS), options.reportError ?? reportToStderr) },
      description: `gateway over ${subgraphs.map((s) => `${s.name} (${s.url})`).join(", ")}; operations on our subgraphs alone run in one pass`,
    };
  }
  return {
    executable: { gateway },
    description: `gateway over ${subgraphs.map((s) => `${s.name} (${s.url})`).join(", ")}`,
  };
}
