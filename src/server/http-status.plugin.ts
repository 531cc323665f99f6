import type { ApolloServerPlugin } from "@apollo/server";
import { rejectionStatus, unavailableStatus } from "../errors/http-answer";

/**
 * Sets the HTTP status of the answers Apollo Server gives to requests it refuses before
 * execution (no `data`), from their errors' codes, by the one rule in src/errors/http-answer.ts
 * (422 for an operation that parses but cannot run, 400 for a limit, 403 off the allow-list…).
 * An error during execution keeps 200 with partial data, except an answer without any data
 * because a dependency was unavailable (the database did not answer): 503 with `Retry-After`.
 */
export function httpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          if (data !== undefined) {
            const status = unavailableStatus(data, errors.map((e) => e.extensions?.code));
            if (status === undefined) return;
            response.http.status = status;
            response.http.headers.set("retry-after", "1");
            return;
          }
          // A mutation sent by GET: Apollo's 405 (with `Allow: POST`) says what to do.
          if (response.http.status === 405) return;
          response.http.status = rejectionStatus(errors.map((e) => e.extensions?.code));
        },
      };
    },
  };
}
