import { LocalGraphQLDataSource } from "@apollo/gateway";
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse, validate } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { createFormatError, type UnexpectedErrorReporter } from "../errors/format-error";

/**
 * Distinct subgraph operations kept compiled, per subgraph. The gateway sends one per fetch of
 * each query plan, so real traffic needs few; the bound keeps hostile traffic (thousands of
 * distinct queries, each compiled to JavaScript) from filling the heap: the fuzz test ran a
 * 256 MB heap out of memory with 2,000.
 */
const MAX_DOCUMENTS = 200;

/**
 * An in-process subgraph whose errors go through our error formatting before the gateway sees
 * them, as they would over HTTP: without it, an unexpected error's raw message would reach the
 * client as DOWNSTREAM_SERVICE_ERROR.
 *
 * It also parses, validates and compiles (graphql-jit) each distinct subgraph operation once;
 * LocalGraphQLDataSource parsed and validated it on every fetch (a fifth of the gateway's CPU
 * on the hero query) and interpreted it with graphql-js. The gateway generates these
 * operations from its cached query plans, so the same few texts come back again and again.
 */
export class MaskedLocalGraphQLDataSource extends LocalGraphQLDataSource<Record<string, unknown>> {
  private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  private readonly compiled = new Map<string, CompiledQuery>();

  constructor(schema: GraphQLSchema, report: UnexpectedErrorReporter) {
    super(schema);
    this.formatError = createFormatError(report);
  }

  override async process(options: { request: GatewayGraphQLRequestContext["request"]; context: Record<string, unknown> }): Promise<GatewayGraphQLResponse> {
    const response = await this.execute(options.request, options.context);
    if (!response.errors) return response;
    return {
      ...response,
      errors: response.errors.map((error) => {
        const formatted = this.formatError(error instanceof GraphQLError ? error.toJSON() : { message: String((error as Error).message) }, error);
        return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions }) as never;
      }),
    };
  }

  private async execute(request: GatewayGraphQLRequestContext["request"], context: Record<string, unknown>): Promise<GatewayGraphQLResponse> {
    const source = request.query ?? "";
    const key = `${request.operationName ?? ""}\n${source}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      let document;
      try {
        document = parse(source);
      } catch (error) {
        return { errors: [error as GraphQLError] } as GatewayGraphQLResponse;
      }
      const errors = validate(this.schema, document);
      if (errors.length > 0) return { errors } as GatewayGraphQLResponse;
      const result = compileQuery(this.schema, document, request.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result as GatewayGraphQLResponse;
      if (this.compiled.size >= MAX_DOCUMENTS) this.compiled.delete(this.compiled.keys().next().value!);
      this.compiled.set(key, (compiled = result));
    }
    return (await (compiled.query(undefined, context, request.variables ?? {}) as ExecutionResult | Promise<ExecutionResult>)) as GatewayGraphQLResponse;
  }
}
