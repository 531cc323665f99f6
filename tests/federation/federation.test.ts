import type { QueryPlan, PlanNode } from "@apollo/query-planner";
import type { ApolloServer } from "@apollo/server";
import { graphql } from "graphql";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { onSqlStatement } from "../../src/db/sql-statement-log";
import { createApollo } from "../../src/server/apollo";
import { buildExecutable } from "../../src/server/executable";
import { createRequestContext, type RequestContext } from "../../src/context/request-context";
import { SqlStatementLog } from "../../src/db/sql-statement-log";
import { composeSupergraph, CompositionError } from "../../src/gateway/compose";
import { parseGatewayConfig } from "../../src/config/gateway-config";
import { buildLocalSubgraphs, type BuiltSubgraph } from "../../src/gateway/local-subgraphs";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { freePort, postGraphQL, startPartnerSubgraph, type Started } from "../support/processes";
import { createTestApi } from "../support/test-api";
import { type RemoteSubgraphs, startRemoteSubgraphs } from "../support/remote-subgraphs";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HERO = `{ region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;

function fetches(node: PlanNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case "Fetch": return [node.serviceName];
    case "Flatten": return fetches(node.node);
    case "Sequence":
    case "Parallel": return node.nodes.flatMap(fetches);
    default: return [];
  }
}

let database: TestDatabase;
let local: BuiltSubgraph[];
beforeAll(async () => {
  database = await createTestDatabase();
  local = await buildLocalSubgraphs();
});
afterAll(() => database.drop());

describe("our three subgraphs", () => {
  it("are valid Federation 2 subgraphs that compose without errors or hints", () => {
    for (const s of local) expect(s.sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.7"/);
    const { supergraphSdl, hints } = composeSupergraph(local.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })));
    expect(hints).toEqual([]);
    expect(supergraphSdl).toMatch(/@join__type\(graph: CARE_OFFER, key: "siren"\)/);
  });

  it("each answer _service and resolve 1,000 _entities in a constant number of SQL statements", async () => {
    const territories = local.find((s) => s.name === "territories")!;
    const sdl = await graphql({ schema: territories.schema, source: "{ _service { sdl } }" });
    expect((sdl.data as any)._service.sdl).toMatch(/type Epci\s+@key\(fields: "siren"\)/);

    const sirens: string[] = (await database.db.query<{ siren: string }>("SELECT siren FROM epci ORDER BY siren")).map((r) => r.siren);
    const run = async (count: number) => {
      const log = new SqlStatementLog();
      const representations = sirens.slice(0, count).map((siren) => ({ __typename: "Epci", siren }));
      const result = await graphql({
        schema: territories.schema,
        source: "query($r: [_Any!]!) { _entities(representations: $r) { ... on Epci { siren name population } } }",
        variableValues: { r: representations },
        contextValue: createRequestContext(database.db, { sqlLog: log }),
      });
      expect(result.errors).toBeUndefined();
      expect((result.data as any)._entities).toHaveLength(count);
      return log.dataStatementCount;
    };
    const ten = await run(10);
    const thousand = await run(1000);
    expect(thousand).toBe(1);
    expect(thousand).toBe(ten);
  });
});

describe("the hero query through the query plan (our subgraphs over HTTP)", () => {
  let remote: RemoteSubgraphs;
  let planned: ApolloServer<RequestContext>;
  const plans: QueryPlan[] = [];
  let statements = 0;
  let stopCounting: () => void;
  beforeAll(async () => {
    remote = await startRemoteSubgraphs(database.db);
    const { executable } = await buildExecutable({ kind: "gateway", config: remote.config }, { onQueryPlan: (plan) => plans.push(plan), reportError: () => {} });
    planned = await createApollo({ executable, limits: DEFAULT_LIMITS, reportError: () => {} });
    // Every statement of this process: the subgraphs' requests run here too, each in its own context.
    stopCounting = onSqlStatement(() => void statements++);
  });
  afterAll(async () => {
    stopCounting?.();
    await planned?.stop();
    await remote?.stop();
  });

  it("crosses all three subgraphs in a planned sequence, with a bounded SQL statement count", async () => {
    statements = 0;
    const response = await planned.executeOperation({ query: HERO }, { contextValue: createRequestContext(database.db) });
    if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
    const { data, errors } = response.body.singleResult as { data: any; errors?: unknown };
    expect(errors).toBeUndefined();
    expect(data.region.zonesRouges.find((z: any) => z.siren === "200035327").initiatives[0].kind).toBe("SOLIDARITY_MISSION");
    const services = fetches(plans[plans.length - 1].node as PlanNode);
    expect(services[0]).toBe("territories");
    expect(services[1]).toBe("care-offer");
    // care-offer provides the zones' name and population (@provides): no fetch back to territories.
    expect(services.slice(2)).toEqual(["initiatives"]);
    expect(statements).toBeLessThanOrEqual(5);
  });

  it("returns the same data as the one-pass execution of our in-process subgraphs", async () => {
    const onePass = await createTestApi(database.db, "gateway");
    try {
      const response = await planned.executeOperation({ query: HERO }, { contextValue: createRequestContext(database.db) });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used here");
      expect(response.body.singleResult.data).toEqual((await onePass.execute(HERO)).data);
    } finally {
      await onePass.stop();
    }
  });
});

describe("a partner's subgraph next to ours", () => {
  let partner: Started;
  let gateway: RunningServer;
  let partnerPort: number;
  const MIXED = `{ department(code: "03") { name population gpDensity { value } mutuelleHealthCentres { name communeCode } } }`;

  beforeAll(async () => {
    partnerPort = await freePort();
    partner = await startPartnerSubgraph(partnerPort);
    const config = parseGatewayConfig({ partners: [{ name: "mutuelle-exemple", url: `http://127.0.0.1:${partnerPort}/` }] });
    gateway = await startServer({ db: database.db, mode: { kind: "gateway", config }, port: 0, host: "127.0.0.1", reportError: () => {} });
  });
  afterAll(async () => {
    await gateway?.close();
    await partner?.stop();
  });

  it("answers one query mixing our fields and the partner's on the same Department", async () => {
    const { status, body } = await postGraphQL(gateway.url, MIXED);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.department).toMatchObject({
      name: "Allier",
      gpDensity: { value: expect.any(Number) },
      mutuelleHealthCentres: [{ name: "Centre de santé MGEN de Moulins", communeCode: "03190" }],
    });
  });

  it("still answers our fields when the partner is down, and fully again once it is back, without a restart", async () => {
    await partner.stop();
    const down = await postGraphQL(gateway.url, MIXED);
    expect(down.status).toBe(200);
    expect(down.body.data.department).toMatchObject({ name: "Allier", mutuelleHealthCentres: null });
    expect(down.body.errors).toHaveLength(1);
    expect(down.body.errors[0].extensions.code).toBe("DOWNSTREAM_SERVICE_ERROR");
    expect(down.body.errors[0].extensions.serviceName).toBe("mutuelle-exemple");
    expect(JSON.stringify(down.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);

    partner = await startPartnerSubgraph(partnerPort);
    const back = await postGraphQL(gateway.url, MIXED);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data.department.mutuelleHealthCentres).toHaveLength(1);
  });
});

describe("each subgraph deployed on its own", () => {
  it("serves one subgraph alone over HTTP, and a gateway composes it from its URL", async () => {
    const territories = await startServer({ db: database.db, mode: { kind: "subgraph", name: "territories" }, port: 0, host: "127.0.0.1" });
    const config = parseGatewayConfig({ subgraphs: { territories: { url: territories.url } } });
    const gateway = await startServer({ db: database.db, mode: { kind: "gateway", config }, port: 0, host: "127.0.0.1" });
    try {
      const alone = await postGraphQL(territories.url, `{ _service { sdl } epci(siren: "200035327") { name } }`);
      expect(alone.body.data.epci.name).toBe("CC Cazals-Salviac");
      expect(gateway.description).toContain(`territories (${territories.url})`);
      const hero = await postGraphQL(gateway.url, HERO);
      expect(hero.body.errors).toBeUndefined();
      expect(hero.body.data.region.zonesRouges.length).toBeGreaterThan(15);
    } finally {
      await gateway.close();
      await territories.close();
    }
  });
});

describe("bad federation configuration stops start-up with a clear message", () => {
  it("names every invalid entry of the config file", () => {
    const attempt = () => parseGatewayConfig({ partners: [{ name: "territories", url: "ftp://x" }], extra: 1 }, "gw.json");
    expect(attempt).toThrow(/^gw\.json: \(root\): Unrecognized key: "extra"$/m);
    expect(attempt).toThrow(/^gw\.json: partners\.0\.url: must be an http:\/\/ or https:\/\/ URL$/m);
    expect(() => parseGatewayConfig({ partners: [{ name: "territories", url: "http://x" }] })).toThrow(/"territories" is the name of one of our subgraphs/);
  });

  it("reports composition errors as composition messages", () => {
    const partnerSdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Department @key(fields: "code") { code: ID! name: Int }`;
    const attempt = () => composeSupergraph([...local.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })), { name: "bad-partner", url: "http://p", sdl: partnerSdl }]);
    expect(attempt).toThrow(CompositionError);
    expect(attempt).toThrow(/supergraph composition failed:\n  - .*Department\.name/);
  });
});
