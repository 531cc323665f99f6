import type { ApolloServerPlugin } from "@apollo/server";
import { rejectionStatus } from "../errors/http-answer";

/**
 * Sets the HTTP status of the answers Apollo Server gives to requests it refuses before
 * execution (no `data`), from their errors' codes, by the one rule in src/errors/http-answer.ts
 * (422 for an operation that parses but cannot run, 400 for a limit, 403 off the allow-list…).
 * An error during execution keeps 200 with partial data.
 */
export function httpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          // A mutation sent by GET: Apollo's 405 (with `Allow: POST`) says what to do.
          if (response.http.status === 405) return;
          response.http.status = rejectionStatus(errors.map((e) => e.extensions?.code));
        },
      };
    },
  };
}
