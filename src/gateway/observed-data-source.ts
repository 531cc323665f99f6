import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/** One fetch from the gateway to a subgraph, as seen by the gateway. */
export interface SubgraphFetch {
  subgraph: string;
  durationSeconds: number;
  /** "success"; "error" when the subgraph answered with errors; "failed" when it could not be reached or answer. */
  outcome: "success" | "error" | "failed";
  /** `extensions.code` of the first error, when there is one. */
  errorCode?: string;
}

export type SubgraphFetchListener = (fetch: SubgraphFetch) => void;
const listeners = new Set<SubgraphFetchListener>();
/** Told about every subgraph fetch (metrics); returns the unsubscribe function. */
export function onSubgraphFetch(listener: SubgraphFetchListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const tracer = trace.getTracer("territoire-sante/gateway");

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === "string" ? code : "UNKNOWN";
}

/**
 * Wraps a subgraph's data source (in-process or remote): each fetch gets a span (a child of
 * the gateway's `gateway.fetch` span) and is reported to the listeners with its duration and
 * outcome. A partner subgraph that slows down shows here first.
 */
export class ObservedDataSource<TContext extends Record<string, unknown> = Record<string, unknown>> implements GraphQLDataSource<TContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<TContext>,
    private readonly inProcess: boolean,
  ) {}

  process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    const attributes = { "graphql.subgraph.name": this.subgraph, "graphql.subgraph.in_process": this.inProcess };
    return tracer.startActiveSpan(`subgraph ${this.subgraph}`, { kind: this.inProcess ? SpanKind.INTERNAL : SpanKind.CLIENT, attributes }, async (span) => {
      const started = performance.now();
      const report = (outcome: SubgraphFetch["outcome"], errorCode?: string) => {
        const fetch = { subgraph: this.subgraph, durationSeconds: (performance.now() - started) / 1000, outcome, errorCode };
        for (const listener of listeners) listener(fetch);
      };
      try {
        const response = await this.inner.process(options);
        if (response.errors?.length) {
          const code = codeOf(response.errors[0]);
          span.setStatus({ code: SpanStatusCode.ERROR, message: code });
          report("error", code);
        } else {
          report("success");
        }
        return response;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: codeOf(error) });
        report("failed", codeOf(error));
        throw error;
      } finally {
        span.end();
      }
    });
  }
}
