import type { ApolloServer } from "@apollo/server";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { createRequestContext, type RequestContext } from "../../src/context/request-context";
import { onSqlStatement } from "../../src/db/sql-statement-log";
import { onSubgraphFetch } from "../../src/gateway/observed-data-source";
import { createApollo } from "../../src/server/apollo";
import { buildExecutable } from "../../src/server/executable";
import { type RemoteSubgraphs, startRemoteSubgraphs } from "../support/remote-subgraphs";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * With our subgraphs in-process, the gateway runs an operation that only they answer in one
 * pass on their merged schema (src/gateway/local-first.ts). With our subgraphs served elsewhere
 * it plans the operation and fetches from each over HTTP. Both must give the same answers,
 * errors included, the one pass without a single subgraph fetch and with no more SQL.
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
let remote: RemoteSubgraphs;
let localFirst: ApolloServer<RequestContext>;
let planned: ApolloServer<RequestContext>;
const fetches: string[] = [];
let statements = 0;
const unsubscribe: (() => void)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  remote = await startRemoteSubgraphs(database.db);
  const reportError = () => {};
  localFirst = await createApollo({ executable: (await buildExecutable({ kind: "gateway" })).executable, limits: DEFAULT_LIMITS, reportError });
  planned = await createApollo({ executable: (await buildExecutable({ kind: "gateway", config: remote.config })).executable, limits: DEFAULT_LIMITS, reportError });
  unsubscribe.push(
    onSubgraphFetch((fetch) => fetches.push(fetch.subgraph)),
    // Every statement of this process: the remote subgraphs' requests run here too, in their own contexts.
    onSqlStatement(() => void statements++),
  );
});
afterAll(async () => {
  for (const stop of unsubscribe) stop();
  await localFirst?.stop();
  await planned?.stop();
  await remote?.stop();
  await database?.drop();
});

async function run(server: ApolloServer<RequestContext>, query: string, variables?: Record<string, unknown>) {
  fetches.length = 0;
  statements = 0;
  const response = await server.executeOperation({ query, variables }, { contextValue: createRequestContext(database.db) });
  if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
  return { result: response.body.singleResult, statements, fetches: [...fetches] };
}

describe("operations on our subgraphs alone run in one pass", () => {
  it.each(OPERATIONS)("%s: the same answer as the query plan over HTTP, without subgraph fetches, in no more SQL statements", async (_name, query, variables) => {
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
