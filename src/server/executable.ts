import type { QueryPlan } from "@apollo/query-planner";
import type { GraphQLSchema } from "graphql";
import { buildFederatedSubgraph, type SchemaBuildOptions } from "../schema/build-schema";
import { type ResolverPaths, resolverPaths } from "../schema/lean-resolvers";
import { buildMonolithSchema } from "../schema/monolith";
import { ALL_SUBGRAPHS } from "../schema/subgraphs";
import { createGateway, reportToStderr } from "../gateway/create-gateway";
import { DEFAULT_GATEWAY_CONFIG, type GatewayConfig } from "../config/gateway-config";
import { buildLocalSubgraphs } from "../gateway/local-subgraphs";
import { LocalFirstGateway } from "../gateway/local-first";
import { ConfigError } from "../errors/errors";
import type { Executable } from "./apollo";
import type { PipelineProfile } from "./graphql/pipeline-profile";

/**
 * What a process serves:
 * - `gateway` (the default): the supergraph, our subgraphs in-process unless configured elsewhere, plus partners;
 * - `subgraph`: one of our subgraphs alone, for a gateway or Apollo Router on another machine;
 * - `monolith`: every subgraph merged into one schema without a gateway (a benchmark contender).
 */
export type ServeMode = { kind: "gateway"; config?: GatewayConfig } | { kind: "subgraph"; name: string } | { kind: "monolith" };

/** `--subgraph` names none of ours: a ConfigError (main prints it as one line). */
export class UnknownSubgraphError extends ConfigError {
  override name = "UnknownSubgraphError";
}

export interface BuildOptions extends SchemaBuildOptions {
  /** Where masked unexpected errors of in-process subgraphs go. Default: stderr. */
  reportError?: (error: unknown) => void;
  /** How long the gateway waits for a remote subgraph. Default: SUBGRAPH_TIMEOUT_MS's (src/config/config.ts). */
  subgraphTimeoutMs?: number;
  /** Called with each query plan the gateway makes: only for operations that involve a partner's or a remote subgraph. */
  onQueryPlan?: (plan: QueryPlan) => void;
}

export interface Built {
  executable: Executable;
  /** One line for the start-up log: what is served, and how operations execute. */
  description: string;
  /** How many resolver methods are called directly, how many through type-graphql's handler (logged at start). */
  resolvers: ResolverPaths;
  /** Which per-request steps its /graphql runs: a subgraph alone answers a gateway's fetches only (graphql/pipeline-profile.ts). */
  pipeline: PipelineProfile;
}

/**
 * Builds what a mode serves. In gateway mode, with our subgraphs in-process, every operation
 * that only they answer runs in one pass on their merged schema (src/gateway/local-first.ts):
 * the query plan runs only for operations that involve a partner's subgraph, or when our
 * subgraphs are served elsewhere (GATEWAY_CONFIG `subgraphs`). docs/federation.md tells which.
 */
export async function buildExecutable(mode: ServeMode, options: BuildOptions = {}): Promise<Built> {
  const schemaOptions: SchemaBuildOptions = { leanResolvers: options.leanResolvers };
  if (mode.kind === "monolith") {
    const schema = await buildMonolithSchema(ALL_SUBGRAPHS, schemaOptions);
    return built({ schema }, "monolithic schema (no gateway)", schema);
  }
  if (mode.kind === "subgraph") {
    const definition = ALL_SUBGRAPHS.find((s) => s.name === mode.name);
    if (!definition) {
      throw new UnknownSubgraphError(`unknown subgraph "${mode.name}" (ours are: ${ALL_SUBGRAPHS.map((s) => s.name).join(", ")})`);
    }
    const { schema } = await buildFederatedSubgraph(definition, schemaOptions);
    return built({ schema }, `subgraph "${mode.name}" alone, behind a gateway`, schema, "behind-gateway");
  }
  const config = mode.config ?? DEFAULT_GATEWAY_CONFIG;
  const local = await buildLocalSubgraphs(schemaOptions);
  const { gateway, subgraphs } = await createGateway(local, {
    config,
    reportError: options.reportError,
    remoteTimeoutMs: options.subgraphTimeoutMs,
    onQueryPlan: options.onQueryPlan,
  });
  const over = `gateway over ${subgraphs.map((s) => `${s.name} (${s.url})`).join(", ")}`;
  const report = options.reportError ?? reportToStderr;
  if (Object.keys(config.subgraphs).length > 0) return built({ gateway: new LocalFirstGateway(gateway, undefined, report) }, `${over}; every operation through the query plan`, local[0].schema);
  const merged = await buildMonolithSchema(ALL_SUBGRAPHS, schemaOptions);
  const partners = config.partners.length > 0 ? "; operations with partners' fields through the query plan" : "";
  return built({ gateway: new LocalFirstGateway(gateway, merged, report) }, `${over}; operations on our subgraphs in one pass${partners}`, merged);
}

function built(executable: Executable, description: string, schema: GraphQLSchema, pipeline: PipelineProfile = "public"): Built {
  const resolvers = resolverPaths(schema);
  return { executable, description: `${description}; resolvers: ${resolvers.direct} called directly, ${resolvers.typeGraphql} through type-graphql's handler`, resolvers, pipeline };
}
