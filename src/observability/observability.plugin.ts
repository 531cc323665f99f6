import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context/request-context";

/** Operation names go into logs and metric labels: keep them short and printable. */
const MAX_NAME_LENGTH = 100;

/**
 * Tells the request's record (see request-observer.middleware.ts) what only Apollo Server knows:
 * the operation, the error codes of the response and the caller's organization.
 */
export function observabilityPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const record = contextValue.record;
      if (!record) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          record.operationName = (operationName ?? "anonymous").slice(0, MAX_NAME_LENGTH);
          record.operationType = operation?.operation;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors;
          const codes = (errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === "string");
          record.errorCodes = [...new Set(codes)];
        },
      };
    },
  };
}
