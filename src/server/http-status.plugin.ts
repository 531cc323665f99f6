import type { ApolloServerPlugin } from "@apollo/server";

/** Errors that reject a well-formed request whose operation cannot run: invalid for the schema, or variables of the wrong type. */
const UNPROCESSABLE = new Set(["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/**
 * HTTP 422 (Unprocessable Content) for an operation that parses but is invalid for the schema, or
 * whose variables cannot be coerced, as the GraphQL-over-HTTP draft of 2026 recommends: 400 stays
 * for requests that cannot be read (bad JSON, no query, a syntax error). Only responses without
 * `data` are concerned; an error during execution keeps 200 with partial data.
 */
export function unprocessableStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (errors.every((e) => UNPROCESSABLE.has(String(e.extensions?.code)))) response.http.status = 422;
        },
      };
    },
  };
}

