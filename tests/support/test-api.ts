import type { GraphQLFormattedError } from "graphql";
import type { Database } from "../../src/db/database";
import type { Caller } from "../../src/auth/caller";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { createRequestContext } from "../../src/context/request-context";
import { BATCHED, type Batching } from "../../src/loaders/shared/batch";
import type { Writer } from "../../src/db/writer";
import { createApollo } from "../../src/server/apollo";
import { buildExecutable } from "../../src/server/executable";

/**
 * Which schema the suite runs against: TEST_SCHEMA=monolith runs it on the merged schema,
 * otherwise on the federation gateway (what `npm start` serves).
 */
export const TEST_SCHEMA: "gateway" | "monolith" = process.env.TEST_SCHEMA === "monolith" ? "monolith" : "gateway";

export interface TestResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
  /** SQL statements the operation issued (transaction control excluded). */
  sqlStatements: number;
  statements: string[];
}

export interface ExecuteOptions {
  /** Who sends the operation. Default: anonymous. */
  caller?: Caller;
  writer?: Writer;
}

export interface TestApi {
  execute<T = any>(query: string, variables?: Record<string, unknown>, options?: ExecuteOptions): Promise<TestResult<T>>;
  /** Unexpected errors reported (and masked) so far. */
  unexpected: unknown[];
  stop(): Promise<void>;
}

/** Runs operations in-process against what the server serves, with a fresh request context each. */
export async function createTestApi(db: Database, schema: "gateway" | "monolith" = TEST_SCHEMA, batching: Batching = BATCHED): Promise<TestApi> {
  const unexpected: unknown[] = [];
  const report = (e: unknown) => {
    unexpected.push(e);
    if (process.env.TEST_SHOW_ERRORS === "1") console.error(e);
  };
  const { executable } = await buildExecutable(schema === "monolith" ? { kind: "monolith" } : { kind: "gateway" }, { reportError: report });
  const server = await createApollo({ executable, limits: DEFAULT_LIMITS, reportError: report });
  return {
    unexpected,
    async execute(query, variables, options = {}) {
      const contextValue = createRequestContext(db, { batching, ...options });
      const log = contextValue.sqlLog;
      const response = await server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
      return {
        data: response.body.singleResult.data as any,
        errors: response.body.singleResult.errors,
        sqlStatements: log.dataStatementCount,
        statements: log.statements,
      };
    },
    stop: () => server.stop(),
  };
}
