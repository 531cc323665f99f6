import { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { DataSource } from "typeorm";
import { createRequestContext, type RequestContext } from "../../src/context/request-context";
import { runWithSqlLog, SqlStatementLog } from "../../src/db/sql-statement-log";
import { createFormatError } from "../../src/errors/format-error";
import { buildMonolithSchema } from "../../src/schema/monolith";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";

export interface TestResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
  /** SQL statements the operation issued (transaction control excluded). */
  sqlStatements: number;
  statements: string[];
}

export interface TestApi {
  execute<T = any>(query: string, variables?: Record<string, unknown>): Promise<TestResult<T>>;
  stop(): Promise<void>;
}

/** Runs operations in-process against the schema the server serves, with a fresh context each. */
export async function createTestApi(db: DataSource): Promise<TestApi> {
  const schema = await buildMonolithSchema(ALL_SUBGRAPHS);
  const unexpected: unknown[] = [];
  const server = new ApolloServer<RequestContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError((e) => {
      unexpected.push(e);
      if (process.env.TEST_SHOW_ERRORS === "1") console.error(e);
    }),
  });
  await server.start();
  return {
    async execute(query, variables) {
      const log = new SqlStatementLog();
      const response = await runWithSqlLog(log, () =>
        server.executeOperation({ query, variables }, { contextValue: createRequestContext(db) }),
      );
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
