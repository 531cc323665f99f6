import { parse } from "csv-parse/sync";
import { createApiKey } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/caller";
import { checkManifest, PUBLIC_DOCUMENTS, sha256Hex } from "../../src/auth/trusted-documents";
import { storeTrustedDocuments } from "../../src/services/shared/trusted-documents.service";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { useSeededApi } from "../support/suite";

/**
 * Exports of any trusted document (docs/exports.md): the first list of its result becomes the
 * rows, nested fields dotted columns, the fields outside the list repeat on every row; a result
 * without a list is one row. Compared with the same document run by GraphQL.
 */
const ZONES = 'query Zones($region: ID!) { region(code: $region) { name zonesRouges { siren name population zoneRouge { designatedOn confirmed } } } }';
const ONE = 'query One { epci(siren: "200035327") { siren name population } }';

const ctx = useSeededApi();
let http: RunningHttpApp;
let partner: { id: string; key: string };
let other: { id: string; key: string };

beforeAll(async () => {
  const db = ctx.database.db;
  partner = await createApiKey(db, { organizationId: "mgen", role: Role.PARTNER });
  other = await createApiKey(db, { organizationId: "mgen", role: Role.PARTNER });
  const register = (owner: string, ...texts: string[]) =>
    db.dataSource.transaction((m) => storeTrustedDocuments(m, { keyId: "cli", organizationId: "mgen" }, owner, checkManifest(Object.fromEntries(texts.map((t) => [sha256Hex(t), t])), () => [])));
  await register(partner.id, ZONES);
  await register(PUBLIC_DOCUMENTS, ONE);
  http = await startHttpApp(db);
});
afterAll(() => http?.stop());

const exportOf = (id: string, format: string, search = "", key?: string) =>
  fetch(`${http.base}/exports/documents/${id}.${format}${search}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const graphql = async (query: string, variables: Record<string, unknown>) =>
  ((await (await fetch(`${http.base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) })).json()) as any).data;

describe("exports of a trusted document", () => {
  it("gives the first list as rows in a CSV for Excel (;, BOM), its nested fields as dotted columns, the fields around it on every row", async () => {
    const res = await exportOf(`sha256:${sha256Hex(ZONES)}`, "csv", `?variables=${encodeURIComponent(JSON.stringify({ region: "76" }))}`, partner.key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // UTF-8 with a byte-order mark, so that Excel reads the accents (fetch's text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3), { delimiter: ";", columns: true }) as Record<string, string>[];
    const expected = (await graphql(ZONES, { region: "76" })).region;
    expect(Object.keys(rows[0])).toEqual(["region.name", "siren", "name", "population", "zoneRouge.designatedOn", "zoneRouge.confirmed"]);
    expect(rows.map((r) => [r["region.name"], r.siren, r.name, Number(r.population), r["zoneRouge.confirmed"]])).toEqual(
      expected.zonesRouges.map((z: any) => ["Occitanie", z.siren, z.name, z.population, String(z.zoneRouge.confirmed)]),
    );
  });

  it("gives a result without a list as one row, in JSON with its columns; public documents need no key", async () => {
    const res = await exportOf(sha256Hex(ONE), "json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await res.json()).toEqual({
      documentId: `sha256:${sha256Hex(ONE)}`,
      listPath: null,
      columns: ["epci.siren", "epci.name", "epci.population"],
      rows: [{ "epci.siren": "200035327", "epci.name": "CC Cazals-Salviac", "epci.population": 5539 }],
    });
  });

  it("refuses what it cannot export: variables that are not JSON (400), a document of another key (404), errors of the document (422), a bad file name (400)", async () => {
    const zones = `sha256:${sha256Hex(ZONES)}`;
    const notJson = await exportOf(zones, "csv", "?variables={region:76}", partner.key);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as any).errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", invalidArguments: ["variables"] });
    expect((await exportOf(zones, "csv", `?variables=${encodeURIComponent('{"region":"76"}')}`, other.key)).status).toBe(404);
    const failed = await exportOf(zones, "json", `?variables=${encodeURIComponent('{"region":7}')}`, partner.key);
    expect([400, 422]).toContain(failed.status);
    expect(((await failed.json()) as any).errors.length).toBeGreaterThan(0);
    const badName = await exportOf("zones", "csv");
    expect(badName.status).toBe(400);
    expect(((await badName.json()) as any).errors[0].extensions.validFormats).toEqual(["csv", "json"]);
  });
});
