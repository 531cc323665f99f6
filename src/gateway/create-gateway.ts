import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { context, propagation } from "@opentelemetry/api";
import { GraphQLError } from "graphql";
import type { QueryPlan } from "@apollo/query-planner";
import { ConfigError, DownstreamServiceError } from "../errors/errors";
import type { UnexpectedErrorReporter } from "../errors/format-error";
import { MaskedLocalGraphQLDataSource } from "./masked-local-data-source";
import { ObservedDataSource } from "./observed-data-source";
import type { GraphQLSchema } from "graphql";
import { composeSupergraph, type Composed, type SubgraphSdl } from "./compose";
import { DEFAULT_CONFIG } from "../config/config";
import type { GatewayConfig } from "../config/gateway-config";
import type { BuiltSubgraph } from "./local-subgraphs";

/**
 * A subgraph over HTTP, with a timeout. When it cannot be reached, its fields fail with
 * DOWNSTREAM_SERVICE_ERROR naming the subgraph (the rest of the query is still answered).
 */
class RemoteSubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly serviceName: string,
    url: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: (input, init) => fetch(input as string, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }) as never,
    });
  }

  /** Passes the trace on (W3C `traceparent`), so that a subgraph that traces joins the request's trace. */
  override willSendRequest({ request }: GraphQLDataSourceProcessOptions<Record<string, unknown>>): void {
    const headers = request.http?.headers;
    if (headers) propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? error.name;
    throw new DownstreamServiceError(this.serviceName, cause);
  }
}

/** A subgraph the config names does not answer at start: a ConfigError (main prints it as one line). */
export class SubgraphUnreachableError extends ConfigError {
  override name = "SubgraphUnreachableError";
}

/** Asks a running subgraph for its SDL (`_service { sdl }`), the way Apollo's tools do. */
export async function fetchSubgraphSdl(name: string, url: string, timeoutMs = 5000): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
      body: JSON.stringify({ query: "query __ApolloGetServiceDefinition__ { _service { sdl } }" }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SubgraphUnreachableError(`subgraph "${name}" at ${url} is unreachable: ${(error as Error).cause ?? (error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = body?.data?._service?.sdl;
  if (!response.ok || typeof sdl !== "string") {
    throw new SubgraphUnreachableError(`subgraph "${name}" at ${url} did not return its SDL (HTTP ${response.status}); is it a Federation subgraph?`);
  }
  return sdl;
}

export interface GatewayParts {
  gateway: ApolloGateway;
  composed: Composed;
  subgraphs: SubgraphSdl[];
}

/**
 * The supergraph of our subgraphs (in-process unless the config points one elsewhere) and the
 * partners' subgraphs, composed at start-up. In-process subgraphs execute through
 * LocalGraphQLDataSource: no network hop, and they share the request's loaders and SQL log.
 */
export interface CreateGatewayOptions {
  config: GatewayConfig;
  /** Where masked unexpected errors of in-process subgraphs go. Default: stderr. */
  reportError?: UnexpectedErrorReporter;
  /** Called with each query plan the gateway executes (tests assert plans with it). */
  onQueryPlan?: (plan: QueryPlan) => void;
  /** How long the gateway waits for a remote subgraph (partner or ours) before failing its fields. Default: SUBGRAPH_TIMEOUT_MS's. */
  remoteTimeoutMs?: number;
}

export const reportToStderr: UnexpectedErrorReporter = (error) =>
  process.stderr.write(`unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);

export async function createGateway(local: BuiltSubgraph[], options: CreateGatewayOptions): Promise<GatewayParts> {
  const { config, reportError = reportToStderr, onQueryPlan } = options;
  const remoteTimeoutMs = options.remoteTimeoutMs ?? DEFAULT_CONFIG.subgraphTimeoutMs;
  const inProcess = new Map<string, GraphQLSchema>();
  const subgraphs: SubgraphSdl[] = [];
  for (const subgraph of local) {
    const remote = config.subgraphs[subgraph.name];
    if (remote) {
      subgraphs.push({ name: subgraph.name, url: remote.url, sdl: await fetchSubgraphSdl(subgraph.name, remote.url) });
    } else {
      inProcess.set(subgraph.name, subgraph.schema);
      subgraphs.push({ name: subgraph.name, url: `in-process://${subgraph.name}`, sdl: subgraph.sdl });
    }
  }
  for (const partner of config.partners) {
    subgraphs.push({ name: partner.name, url: partner.url, sdl: await fetchSubgraphSdl(partner.name, partner.url) });
  }
  const composed = composeSupergraph(subgraphs);
  // Unless told otherwise, @apollo/gateway 2.14 exports usage metrics to Apollo and probes
  // cloud metadata endpoints (169.254.169.254…) on start. This API sends nothing anywhere: it
  // runs offline and behind firewalls. An explicit APOLLO_TELEMETRY_DISABLED is respected.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    experimental_didResolveQueryPlan: onQueryPlan ? ({ queryPlan }) => onQueryPlan(queryPlan) : undefined,
    buildService: ({ name, url }) => {
      const schema = inProcess.get(name);
      if (schema) return new ObservedDataSource(name, new MaskedLocalGraphQLDataSource(schema, reportError), true);
      if (!url) throw new Error(`subgraph "${name}" has no URL in the supergraph`);
      return new ObservedDataSource(name, new RemoteSubgraphDataSource(name, url, remoteTimeoutMs), false);
    },
  });
  return { gateway, composed, subgraphs };
}
