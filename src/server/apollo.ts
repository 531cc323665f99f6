import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, GraphQLError, type GraphQLSchema, validate } from "graphql";
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

/**
 * Checks documents against the schema a process serves (the trusted documents a key registers):
 * the gateway's API schema once loaded (partners' fields included), or the schema itself. Must
 * be called before Apollo Server starts, to hear of the gateway's first load.
 */
export function documentValidator(executable: Executable): (document: DocumentNode) => readonly GraphQLError[] {
  let schema: GraphQLSchema | undefined = "schema" in executable ? executable.schema : undefined;
  if ("gateway" in executable) executable.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (schema = apiSchema));
  return (document) => (schema ? validate(schema, document) : [new GraphQLError("The schema is not loaded yet")]);
}

/** Apollo Server as every entry point runs it (HTTP app and in-process tests): same limits, same error masking. */
export async function createApollo(options: ApolloOptions): Promise<ApolloServer<RequestContext>> {
  const guards = queryLimits(options.limits);
  const apollo = new ApolloServer<RequestContext>({
    ...options.executable,
    introspection: options.limits.introspection,
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries (APQ) stay on. Apollo's CSRF prevention is off: a GET read must
    // work from a plain fetch without custom headers, and nothing here is ambient (no cookie is
    // ever read, keys travel in an Authorization header a page sets itself); a mutation by GET
    // is refused (405) and a POST must be application/json, which needs a CORS preflight.
    // docs/security.md says why that stays safe.
    csrfPrevention: false,
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
