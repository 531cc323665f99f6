import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { createApp } from "../../src/server/app";
import { buildMonolithSchema } from "../../src/schema/monolith";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("the HTTP server", () => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  let stopApollo: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { handle, apollo } = await createApp({ db: database.db, executable: { schema: await buildMonolithSchema(ALL_SUBGRAPHS) } });
    stopApollo = () => apollo.stop();
    server = await new Promise<Server>((resolve) => {
      const s = createServer(handle).listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await stopApollo();
    await database.drop();
  });

  it("answers /healthz with 200 once the database is ready", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers a POSTed query on /graphql", async () => {
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ epci(siren: "200035327") { name population } }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { epci: { name: "CC Cazals-Salviac", population: 5539 } }, extensions: { cost: { requested: expect.any(Number), limit: expect.any(Number) } } });
  });

  it("answers a GET query on /graphql from a plain fetch, without a preflight header (docs/security.md)", async () => {
    const url = `${base}/graphql?query=${encodeURIComponent('{ region(code: "76") { name } }')}`;
    const res = await fetch(url, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data).toEqual({ region: { name: "Occitanie" } });
  });

  it("serves GraphiQL to a browser from local assets only", async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("graphiql");
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const url of scripts) {
      expect(url.startsWith("/")).toBe(true);
      const asset = await fetch(`${base}${url}`);
      expect(asset.status).toBe(200);
    }
  });

  it("returns a bad-input error without a stack trace", async () => {
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ epci(siren: "12") { name } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", invalidArguments: ["siren"] });
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });
});
