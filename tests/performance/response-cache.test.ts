import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { randomUUID } from "node:crypto";
import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { createResponseCache, ResponseCache } from "../../src/cache/response-cache";
import { RedisStore } from "../../src/cache/response-cache.store";
import { onSqlStatement } from "../../src/db/sql-statement-log";
import { invalidatingWriter, type Writer } from "../../src/db/writer";
import { createApp } from "../../src/server/app";
import { buildExecutable } from "../../src/server/executable";
import { insertInitiative } from "../support/fixtures";
import { TEST_SCHEMA } from "../support/test-api";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const CAZALS = '{ epci(siren: "200035327") { name initiatives { title } } }';

interface Served {
  base: string;
  close: () => Promise<void>;
}

async function serve(database: TestDatabase, cache: ResponseCache): Promise<Served> {
  const { executable } = await buildExecutable(TEST_SCHEMA === "monolith" ? { kind: "monolith" } : { kind: "gateway" });
  const { handle, apollo } = await createApp({ db: database.db, executable, responseCache: cache });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(handle).listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

/** POSTs a query; says whether the cache answered and how many SQL statements the process issued meanwhile. */
async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  let statements = 0;
  const stop = onSqlStatement(() => {
    statements++;
  });
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return { cache: res.headers.get("x-response-cache"), body: (await res.json()) as any, statements };
  } finally {
    stop();
  }
}

describe("the response cache of anonymous read-only queries", () => {
  let database: TestDatabase;
  let cache: ResponseCache;
  let served: Served;

  beforeAll(async () => {
    database = await createTestDatabase();
    cache = createResponseCache();
    served = await serve(database, cache);
  });
  afterAll(async () => {
    await served?.close();
    await cache?.close();
    await database?.drop();
  });

  it("answers a repeated query from the cache, with the same body and no SQL", async () => {
    const first = await post(served.base, '{ region(code: "76") { name zonesRouges { siren name } } }');
    const second = await post(served.base, '{ region(code: "76") { name zonesRouges { siren name } } }');
    expect(first.cache).toBe("miss");
    expect(first.statements).toBeGreaterThan(0);
    expect(second.cache).toBe("hit");
    expect(second.statements).toBe(0);
    expect(second.body).toEqual(first.body);
  });

  it("keys on the normalised operation and the variables", async () => {
    const query = "query Lookup($siren: ID!) { epci(siren: $siren) { name } }";
    await post(served.base, query, { siren: "200035327" });
    const reformatted = await post(served.base, "query Lookup($siren: ID!) {\n  # the same operation\n  epci(siren: $siren) {\n    name\n  }\n}", { siren: "200035327" });
    expect(reformatted.cache).toBe("hit");
    const other = await post(served.base, query, { siren: "244600573" });
    expect(other.cache).toBe("miss");
    expect(other.body.data.epci.name).toBe("CC du Causse de Labastide Murat");
  });

  it("lets requests with credentials through to the API", async () => {
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    await post(served.base, '{ region(code: "11") { name } }');
    const withKey = await post(served.base, '{ region(code: "11") { name } }', undefined, { authorization: `Bearer ${key}` });
    expect(withKey.cache).toBeNull();
    expect(withKey.statements).toBeGreaterThan(0);
    expect(withKey.body.data).toEqual({ region: { name: "Île-de-France" } });
  });

  it("never looks a mutation up, even in a document whose query was cached", async () => {
    const document = 'query Name { region(code: "84") { name } } mutation Archive { archiveInitiative(id: "x", version: 1) { id } }';
    const send = (operationName: string) =>
      fetch(served.base, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: document, operationName }) });
    await send("Name");
    expect((await send("Name")).headers.get("x-response-cache")).toBe("hit");
    const mutation = await send("Archive");
    expect(mutation.headers.get("x-response-cache")).toBeNull();
    expect(((await mutation.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("keeps no answer that carries errors", async () => {
    const bad = '{ epci(siren: "12") { name } }';
    expect((await post(served.base, bad)).body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect((await post(served.base, bad)).cache).toBe("miss");
  });

  it("serves fresh data once a write through the API has committed: the server's writer drops the cache", async () => {
    const before = await post(served.base, CAZALS);
    expect((await post(served.base, CAZALS)).cache).toBe("hit");
    const { key } = await createApiKey(database.db, { organizationId: "mgen", role: Role.PARTNER });
    const created = await post(
      served.base,
      "mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }",
      { input: { title: "Permanence mutualiste", kind: "HEALTH_CENTRE", summary: "Des consultations", status: "in preparation", places: [{ level: "EPCI", code: "200035327" }] } },
      { authorization: `Bearer ${key}` },
    );
    expect(created.body.errors).toBeUndefined();
    const fresh = await post(served.base, CAZALS);
    expect(fresh.cache).toBe("miss");
    expect(fresh.body.data.epci.initiatives).toHaveLength(before.body.data.epci.initiatives.length + 1);
    expect(fresh.body.data.epci.initiatives.map((i: any) => i.title)).toContain("Permanence mutualiste");
  });

  it("invalidates after a commit only, before the write is acknowledged", async () => {
    const calls: string[] = [];
    const inner: Writer = { transaction: async (work) => work(null as never), close: async () => {} };
    const writer = invalidatingWriter(inner, async () => {
      calls.push("invalidated");
    });
    await writer.transaction(async () => calls.push("committed"));
    await expect(writer.transaction(async () => Promise.reject(new Error("rolled back")))).rejects.toThrow("rolled back");
    expect(calls).toEqual(["committed", "invalidated"]);
  });

  it("serves a change made behind the server's back (a direct database write) only after invalidate()", async () => {
    const before = await post(served.base, CAZALS);
    await insertInitiative(database.db, {
      id: "cache-test",
      title: "Cabinet éphémère",
      kind: "SOLIDARITY_MISSION",
      carriers: ["mgen"],
      places: [{ level: "EPCI", code: "200035327" }],
    });
    const stale = await post(served.base, CAZALS);
    expect(stale.cache).toBe("hit");
    expect(stale.body).toEqual(before.body);

    await cache.invalidate();
    const fresh = await post(served.base, CAZALS);
    expect(fresh.cache).toBe("miss");
    expect(fresh.body.data.epci.initiatives.map((i: any) => i.title)).toContain("Cabinet éphémère");
  });
});

const redisUp = () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(new URL(REDIS_URL).port || 6379), new URL(REDIS_URL).hostname);
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

describe("the response cache shared in Redis by several servers", () => {
  let database: TestDatabase;
  let caches: ResponseCache[] = [];
  let servers: Served[] = [];
  let available = false;

  beforeAll(async () => {
    available = await redisUp();
    if (!available) return;
    database = await createTestDatabase();
    // Two servers, as on two machines, sharing one Redis under a prefix of their own.
    const prefix = `territoire-sante-test:${randomUUID()}`;
    // A generous command deadline: this test is about sharing, and on a busy CI machine a store or lookup
    // can outlast the default few ms (tests/faults/redis-stall.test.ts tests the deadline).
    const store = () => new RedisStore(REDIS_URL, prefix, 1000);
    caches = [new ResponseCache(store()), new ResponseCache(store())];
    await Promise.all(caches.map((c) => (c.store as RedisStore).ready()));
    servers = await Promise.all(caches.map((c) => serve(database, c)));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const c of caches) await c.close();
    await database?.drop();
  });

  it("serves on one server what another cached, until a write on either invalidates it everywhere", async () => {
    if (!available) {
      console.warn(`Redis at ${REDIS_URL} is not reachable: shared-cache test skipped`);
      return;
    }
    const [a, b] = servers;
    expect((await post(a.base, CAZALS)).cache).toBe("miss");
    await new Promise((resolve) => setTimeout(resolve, 50)); // the SET is not awaited by the request
    const fromB = await post(b.base, CAZALS);
    expect(fromB.cache).toBe("hit");
    expect(fromB.statements).toBe(0);

    await caches[0].invalidate();
    await new Promise((resolve) => setTimeout(resolve, 100)); // pub/sub reaches the other server
    expect((await post(b.base, CAZALS)).cache).toBe("miss");
  });
});
