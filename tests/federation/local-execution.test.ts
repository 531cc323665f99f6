import type { ApolloServer } from "@apollo/server";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { createRequestContext, type RequestContext } from "../../src/context/request-context";
import { onSubgraphFetch } from "../../src/gateway/observed-data-source";
import { createApollo } from "../../src/server/apollo";
import { buildExecutable } from "../../src/server/executable";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The gateway runs an operation that only our in-process subgraphs answer in one pass on their
 * merged schema (src/gateway/local-first.ts), and plans the others. Both ways must give the
 * same answers, errors included, with no more SQL.
 */
// Every row has its three cells: with two, jest would take the test's third parameter for a `done` callback.
const OPERATIONS: [string, string, Record<string, unknown>][] = [
  ["hero", `{ region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`, {}],
  ["point lookup", `query Epci($siren: ID!) { epci(siren: $siren) { siren name kind population } }`, { siren: "200035327" }],
  ["a page of EPCI", `{ epcis(first: 5) { edges { node { name departments { name region { name } } } } pageInfo { hasNextPage } } }`, {}],
  ["a bad SIREN", `{ epci(siren: "12") { name } }`, {}],
  ["an unknown code", `{ department(code: "00") { name } }`, {}],
];

let database: TestDatabase;
let localFirst: ApolloServer<RequestContext>;
let planned: ApolloServer<RequestContext>;
const fetches: string[] = [];
let stopListening: () => void;

beforeAll(async () => {
  database = await createTestDatabase();
  const reportError = () => {};
  localFirst = await createApollo({ executable: (await buildExecutable({ kind: "gateway" })).executable, limits: DEFAULT_LIMITS, reportError });
  planned = await createApollo({ executable: (await buildExecutable({ kind: "gateway", localExecution: false })).executable, limits: DEFAULT_LIMITS, reportError });
  stopListening = onSubgraphFetch((fetch) => fetches.push(fetch.subgraph));
});
afterAll(async () => {
  stopListening?.();
  await localFirst?.stop();
  await planned?.stop();
  await database?.drop();
});

async function run(server: ApolloServer<RequestContext>, query: string, variables?: Record<string, unknown>) {
  const contextValue = createRequestContext(database.db);
  fetches.length = 0;
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
  return { result: response.body.singleResult, statements: contextValue.sqlLog.dataStatementCount, fetches: [...fetches] };
}

describe("operations on our subgraphs alone run in one pass", () => {
  it.each(OPERATIONS)("%s: the same answer as the query plan, without subgraph fetches, in no more SQL statements", async (_name, query, variables) => {
    const viaPlan = await run(planned, query, variables);
    const onePass = await run(localFirst, query, variables);
    // Errors say the same (message, code, path); the plan adds the subgraph's name, one pass the locations.
    const comparable = (r: typeof onePass.result) => ({
      data: r.data,
      errors: r.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
    });
    expect(comparable(onePass.result)).toEqual(comparable(viaPlan.result));
    expect(viaPlan.fetches.length).toBeGreaterThan(0);
    expect(onePass.fetches).toEqual([]);
    expect(onePass.statements).toBeLessThanOrEqual(viaPlan.statements);
  });

  it("answers introspection from the supergraph's API schema, as the query plan does", async () => {
    const query = `{ __schema { queryType { name } types { name } } }`;
    const viaPlan = await run(planned, query);
    const onePass = await run(localFirst, query);
    expect(viaPlan.result.errors).toBeUndefined();
    expect(onePass.result).toEqual(viaPlan.result);
  });
});
