import type { GatewayExecutor, GatewayInterface, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { BREAK, type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, Kind, validate, visit } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";
import { createFormatError, type UnexpectedErrorReporter } from "../errors/format-error";

/**
 * Distinct operations kept compiled. Real clients send a few dozen texts; the bound keeps
 * hostile traffic (thousands of distinct queries, each compiled to JavaScript) from filling the
 * heap, as in MaskedLocalGraphQLDataSource.
 */
const MAX_OPERATIONS = 500;

/** How the gateway executed an operation: in one pass on our merged schema, or through its query plan. */
export type Execution = "one-pass" | "query-plan";

export type ExecutionListener = (execution: Execution) => void;
const listeners = new Set<ExecutionListener>();
/** Told how each operation executes (metrics); returns the unsubscribe function. */
export function onGatewayExecution(listener: ExecutionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function executed(execution: Execution): void {
  for (const listener of listeners) listener(execution);
}

/** What an operation runs on, decided once per operation text and name. */
type Route = { local: CompiledQuery } | { local: null };

/** Introspection is the supergraph's: its API schema, not the merged local one, answers it. */
function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The federation gateway when our subgraphs are in-process: an operation that only they can
 * answer runs in one pass on their merged schema (src/schema/monolith.ts: the same resolvers,
 * loaders and reference resolvers), compiled once by graphql-jit, never planned nor split into
 * subgraph fetches: the only way such an operation runs. An operation that the merged schema
 * cannot validate (a partner's field) goes through the query plan; introspection is answered by
 * the gateway from the supergraph's API schema, without a fetch. Apollo Server still parses,
 * validates (against the supergraph), checks the limits and formats errors for both. That the
 * one pass answers as the query plan over HTTP does is tested in
 * tests/federation/local-execution.test.ts and by the Hive Gateway topology tests.
 */
export class LocalFirstGateway implements GatewayInterface {
  private readonly routes = new LRUCache<string, Route>({ max: MAX_OPERATIONS });

  private readonly formatError: ReturnType<typeof createFormatError>;

  constructor(
    private readonly gateway: GatewayInterface,
    /** Our subgraphs merged, when they are in-process; none when they are served elsewhere (every operation is planned). */
    private readonly local: GraphQLSchema | undefined,
    report: UnexpectedErrorReporter,
  ) {
    this.formatError = createFormatError(report);
  }

  /**
   * Errors of a one-pass execution are shaped as the in-process subgraphs shape theirs on the
   * plan path (MaskedLocalGraphQLDataSource): a database outage becomes SERVICE_UNAVAILABLE,
   * an unexpected error is reported and masked, our typed errors keep their code.
   */
  private shaped(result: ExecutionResult): ExecutionResult {
    if (!result.errors) return result;
    const errors = result.errors.map((error) => {
      const formatted = this.formatError(error.toJSON(), error);
      return new GraphQLError(formatted.message, { nodes: error.nodes, path: formatted.path, extensions: formatted.extensions });
    });
    return { ...result, errors };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0]) {
    return this.gateway.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.gateway.stop();
  }

  async load(options: Parameters<GatewayInterface["load"]>[0]) {
    const loaded = await this.gateway.load(options);
    const planned = loaded.executor;
    if (!planned) return loaded;
    const executor: GatewayExecutor = (request) => {
      const compiled = this.route(request).local;
      if (!compiled) {
        executed("query-plan");
        return planned(request);
      }
      executed("one-pass");
      return Promise.resolve(compiled.query(undefined, request.context, request.request.variables ?? {}) as ExecutionResult | Promise<ExecutionResult>).then((result) => this.shaped(result));
    };
    return { ...loaded, executor };
  }

  /** Whether an operation runs locally: true only if every field is ours (it validates against the merged schema). */
  private route(request: GatewayGraphQLRequestContext): Route {
    const key = `${request.operationName ?? ""}\n${request.queryHash}`;
    let route = this.routes.get(key);
    if (route) return route;
    route = { local: null };
    if (this.local && !introspects(request.document) && validate(this.local, request.document).length === 0) {
      // One operation per document: the rest of a multi-operation document is not compiled.
      const operation = request.operation;
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: request.document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
      };
      const compiled = compileQuery(this.local, document, request.operationName ?? undefined);
      if (isCompiledQuery(compiled)) route = { local: compiled };
    }
    this.routes.set(key, route);
    return route;
  }
}
