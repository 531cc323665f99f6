import { LocalGraphQLDataSource } from "@apollo/gateway";
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { type DocumentNode, execute, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse, validate } from "graphql";
import { createFormatError, type UnexpectedErrorReporter } from "../errors/format-error";

/** Distinct subgraph operations kept parsed and validated: the gateway sends one per fetch of each query plan. */
const MAX_DOCUMENTS = 2000;

/**
 * An in-process subgraph whose errors go through our error formatting before the gateway sees
 * them, as they would over HTTP: without it, an unexpected error's raw message would reach the
 * client as DOWNSTREAM_SERVICE_ERROR.
 *
 * It also parses and validates each distinct subgraph operation once (LocalGraphQLDataSource
 * does both on every fetch: a fifth of the gateway's CPU on the hero query). The gateway
 * generates these operations from cached query plans, so the same texts come back again and again.
 */
export class MaskedLocalGraphQLDataSource extends LocalGraphQLDataSource<Record<string, unknown>> {
  private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  private readonly documents = new Map<string, DocumentNode>();

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
    let document = this.documents.get(source);
    if (!document) {
      try {
        document = parse(source);
      } catch (error) {
        return { errors: [error as GraphQLError] } as GatewayGraphQLResponse;
      }
      const errors = validate(this.schema, document);
      if (errors.length > 0) return { errors } as GatewayGraphQLResponse;
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(source, document);
    }
    return (await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    })) as GatewayGraphQLResponse;
  }
}
