import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSchema, getNamedType, isObjectType } from "graphql";
import { ROOT } from "../support/processes";
import { runNpmScript } from "../support/npm-script";
import { databaseUrlOf, type ServerProcess, startServerProcess } from "../support/server-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The partner client kit (examples/partner-app) as a partner developer uses it: install, generate
 * the typed operations and their manifest (GraphQL Code Generator's client preset, persisted
 * documents), type-check with --strict, register the manifest for a documents-only key, run the
 * app (every call by documentId), and get the answers of the same queries sent as text.
 * `npm run test:kit` (in .ci/run): it installs the kit's own dependencies from its lockfile.
 */
const KIT = path.join(ROOT, "examples/partner-app");
const MANIFEST = path.join(KIT, "src/gql/persisted-documents.json");

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, timeout: 300_000, maxBuffer: 32 * 2 ** 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let database: TestDatabase;
let server: ServerProcess;
const env = () => ({ DATABASE_URL: databaseUrlOf(database.config) });

beforeAll(async () => {
  // npm ci: exactly the kit's lockfile, as a partner's CI would install it.
  if (!fs.existsSync(path.join(KIT, "node_modules/.bin/graphql-codegen"))) {
    const installed = await run("npm", ["ci", "--no-audit", "--no-fund"], KIT);
    if (installed.code !== 0) throw new Error(`npm ci in examples/partner-app failed:\n${installed.stderr}`);
  }
  database = await createTestDatabase();
  server = await startServerProcess(databaseUrlOf(database.config));
}, 600_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("the partner client kit", () => {
  let keyId: string;
  let key: string;
  let answers: { hero: any; zones: number; initiatives: number; pages: any[] };

  it("generates typed operations and their manifest, and type-checks with --strict", async () => {
    fs.rmSync(path.join(KIT, "src/gql"), { recursive: true, force: true });
    const generated = await run("npm", ["run", "generate"], KIT);
    expect(generated.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string>;
    expect(Object.values(manifest).map((d) => /^query (\w+)/.exec(d)?.[1]).sort()).toEqual(["EpciPage", "ZonesRougesOfRegion"]);
    for (const id of Object.keys(manifest)) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const checked = await run("npm", ["run", "typecheck"], KIT);
    expect(checked).toMatchObject({ code: 0 });
    expect((await run("npm", ["run", "build"], KIT)).code).toBe(0);
  }, 300_000);

  it("registers the manifest for a documents-only key with `npm run keys`", async () => {
    const created = await runNpmScript("keys", ["create", "--org", "mgen", "--role", "partner", "--documents-only", "--label", "partner app"], env());
    expect(created.code).toBe(0);
    keyId = /^key id: (\S+)$/m.exec(created.stdout)![1];
    key = /^key: {4}(\S+)$/m.exec(created.stdout)![1];
    const registered = await runNpmScript("keys", ["documents", "register", "--key", keyId, "--manifest", MANIFEST], env());
    expect(registered).toMatchObject({ code: 0, stdout: `2 documents for ${keyId}: 2 new, 0 already registered\n` });
  }, 120_000);

  it("runs the app: every call by documentId, typed answers with the zones rouges, their initiatives and two pages of EPCI", async () => {
    const app = await run(process.execPath, [path.join(KIT, "dist/main.js")], KIT, { API_URL: server.url, API_KEY: key });
    expect(app.stderr).toBe("");
    answers = JSON.parse(app.stdout);
    expect(answers.hero.errors).toBeUndefined();
    expect(answers.hero.data.region.name).toBe("Occitanie");
    expect(answers.zones).toBe(answers.hero.data.region.zonesRouges.length);
    expect(answers.zones).toBeGreaterThan(15);
    expect(answers.initiatives).toBeGreaterThan(0);
    const [first, second] = answers.pages.map((p) => p.data.epcis);
    expect(first.edges).toHaveLength(5);
    expect(second.edges).toHaveLength(5);
    expect(second.edges[0].node.siren).not.toBe(first.edges[0].node.siren);
  }, 60_000);

  it("gets from documentId exactly what the same queries sent as text answer", async () => {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string>;
    const text = (name: string) => Object.values(manifest).find((d) => d.startsWith(`query ${name}`))!;
    const asText = async (query: string, variables: Record<string, unknown>) =>
      (await (await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) })).json()) as any;
    expect((await asText(text("ZonesRougesOfRegion"), { region: "76" })).data).toEqual(answers.hero.data);
    const firstPage = await asText(text("EpciPage"), { first: 5 });
    expect(firstPage.data).toEqual(answers.pages[0].data);
    expect((await asText(text("EpciPage"), { first: 5, after: firstPage.data.epcis.pageInfo.endCursor })).data).toEqual(answers.pages[1].data);
    // The documents-only key is refused the text itself.
    const refused = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query: text("EpciPage"), variables: { first: 5 } }) });
    expect(refused.status).toBe(403);
  }, 60_000);

  it("gives Apollo Client and urql key fields that exist on every type they name", () => {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8"));
    const { KEY_FIELDS } = require(path.join(KIT, "dist/cache-config.js")) as { KEY_FIELDS: Record<string, string[] | false> };
    const problems: string[] = [];
    for (const [typeName, fields] of Object.entries(KEY_FIELDS)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) {
        problems.push(`${typeName} is not an object type`);
        continue;
      }
      for (const field of fields || []) {
        const found = type.getFields()[field];
        if (!found || !["ID", "String"].includes(getNamedType(found.type).name)) problems.push(`${typeName}.${field} is not an ID or String field`);
      }
    }
    // Every object type the API returns is either keyed or declared a value of its parent.
    const unlisted = Object.values(schema.getTypeMap()).filter(
      (t) => isObjectType(t) && !t.name.startsWith("__") && !["Query", "Mutation", "TrustedDocumentRegistration"].includes(t.name) && !t.name.endsWith("Connection") && !t.name.endsWith("Edge") && !(t.name in KEY_FIELDS),
    );
    expect({ problems, unlisted: unlisted.map((t) => t.name) }).toEqual({ problems: [], unlisted: [] });
  });
});
