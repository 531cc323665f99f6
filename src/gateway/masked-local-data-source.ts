import { LocalGraphQLDataSource } from "@apollo/gateway";
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { createFormatError, type UnexpectedErrorReporter } from "../errors/format-error";

/**
 * An in-process subgraph whose errors go through our error formatting before the gateway sees
 * them, as they would over HTTP: without it, an unexpected error's raw message would reach the
 * client as DOWNSTREAM_SERVICE_ERROR.
 */
export class MaskedLocalGraphQLDataSource extends LocalGraphQLDataSource<Record<string, unknown>> {
  private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

  constructor(schema: ConstructorParameters<typeof LocalGraphQLDataSource>[0], report: UnexpectedErrorReporter) {
    super(schema);
    this.formatError = createFormatError(report);
  }

  override async process(options: { request: GatewayGraphQLRequestContext["request"]; context: Record<string, unknown> }): Promise<GatewayGraphQLResponse> {
    const response = await super.process(options as never);
    if (!response.errors) return response;
    return {
      ...response,
      errors: response.errors.map((error) => {
        const formatted = this.formatError(error instanceof GraphQLError ? error.toJSON() : { message: String((error as Error).message) }, error);
        return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions }) as never;
      }),
    };
  }
}
