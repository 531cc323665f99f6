import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";
import type { Limits } from "../config/limits";
import type { RequestContext } from "../context/request-context";
import { createFormatError, type UnexpectedErrorReporter } from "../errors/format-error";
import { httpStatusPlugin } from "./http-status.plugin";
import { queryLimits } from "./security/query-limits";

/** What executes operations: a schema (monolith, or one subgraph alone) or the federation gateway. */
export type Executable = { schema: GraphQLSchema } | { gateway: GatewayInterface };

export interface ApolloOptions {
  executable: Executable;
  limits: Limits;
  reportError: UnexpectedErrorReporter;
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/** Apollo Server as every entry point runs it (HTTP app and in-process tests): same limits, same error masking. */
export async function createApollo(options: ApolloOptions): Promise<ApolloServer<RequestContext>> {
  const guards = queryLimits(options.limits);
  const apollo = new ApolloServer<RequestContext>({
    ...options.executable,
    introspection: options.limits.introspection,
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries (APQ) and CSRF prevention are Apollo Server defaults, kept on.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Signals are handled once, by the server's graceful shutdown (graceful-shutdown.ts).
    stopOnTerminationSignals: false,
    validationRules: guards.validationRules,
    formatError: createFormatError(options.reportError),
    plugins: [
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<RequestContext>,
      // No cache hints are used (the response cache is ours): spare the per-field hook on every resolver.
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<RequestContext>,
      ...(guards.plugins as ApolloServerPlugin<RequestContext>[]),
      httpStatusPlugin<RequestContext>(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  return apollo;
}
