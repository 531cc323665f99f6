import { createHash } from "node:crypto";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT } from "../support/processes";
import { runNpmScript, STACK_LINE } from "../support/npm-script";

// Every command-line tool run as a user runs it: `npm run NAME -- ARGS` in a child process, on
// the compiled code (the suite's global setup builds it, as `npm install` does), against a fresh
// SQLite file. One success and one failure each: exit code and what the user reads.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "territoire-sante-cli-"));
const env = { DATABASE_URL: `sqlite:${path.join(dir, "cli.sqlite")}` };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run seed", () => {
  it("loads every bundled dataset into an empty database and says what it added", async () => {
    const run = await runNpmScript("seed", [], env);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^region: 18 added, 0 changed, 0 unchanged$/m);
    expect(run.stdout).toMatch(/^department: 101 added/m);
  });

  it("refuses a database URL it cannot use, in one line, with exit code 1", async () => {
    const run = await runNpmScript("seed", [], { DATABASE_URL: "mysql://localhost/x" });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('seed failed: DATABASE_URL has an unknown scheme: "mysql" (expected sqlite:PATH or postgres://…)\n');
  });
});

describe("npm run import", () => {
  it("loads the bundled zones rouges file into the seeded database", async () => {
    const file = path.join(ROOT, "seeds/data/zones-rouges-2025.csv");
    // The seed loaded the same file: every row is read and none changes.
    const rows = (parse(fs.readFileSync(file), { columns: true }) as unknown[]).length;
    const run = await runNpmScript("import", ["zones-rouges", file], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^zones-rouges: ${rows} rows read in [\\d.]+ s \\(.+ rows/s\\); 0 added, 0 changed, ${rows} unchanged, 0 removed, 0 rejected$`, "m"));
  });

  it("rejects a file with a SIREN that is no EPCI, naming the line, with exit code 1", async () => {
    const file = path.join(dir, "bad-zones.csv");
    fs.writeFileSync(file, "siren\n200035327\n999999999\n");
    const run = await runNpmScript("import", ["zones-rouges", file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3.*999999999 is not an EPCI/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("answers an unknown dataset with the usage and exit code 2", async () => {
    const run = await runNpmScript("import", ["hospitals", "x.csv"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^unknown dataset "hospitals"\nUsage: npm run import -- <dataset> FILE/);
  });
});

describe("npm run keys", () => {
  it("creates a key for a new organization, prints it once, and lists it", async () => {
    const created = await runNpmScript("keys", ["create", "--org", "cli-test", "--role", "partner", "--org-name", "CLI test", "--org-kind", "MUTUELLE", "--label", "from the CLI test"], env);
    expect(created.code).toBe(0);
    const id = /^key id: (\S+)$/m.exec(created.stdout)?.[1];
    expect(created.stdout).toMatch(/^key: {4}\S{20,}$/m);
    const listed = await runNpmScript("keys", ["list"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}  cli-test  partner  created `);
    expect(listed.stdout).toContain("from the CLI test");
  });

  it("refuses an unknown role in one line with exit code 1, and prints the usage for no command (exit 2)", async () => {
    const run = await runNpmScript("keys", ["create", "--org", "cli-test", "--role", "owner"], env);
    expect(run).toMatchObject({ code: 1, stderr: 'keys: --role must be one of partner, territorial-admin, admin, embed (received "owner")\n' });
    const usage = await runNpmScript("keys", [], env);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toMatch(/^Usage:\n {2}npm run keys -- create/);
  });

  it("binds an embed key to page origins, registers a manifest for it once, and refuses a wrong manifest whole", async () => {
    const created = await runNpmScript("keys", ["create", "--org", "cli-test", "--role", "embed", "--origin", "https://intranet.example", "--origin", "https://app.example"], env);
    expect(created.code).toBe(0);
    const id = /^key id: (\S+)$/m.exec(created.stdout)![1];
    const listed = await runNpmScript("keys", ["list"], env);
    expect(listed.stdout).toContain(`${id}  cli-test  embed  created `);
    expect(listed.stdout).toMatch(new RegExp(`${id} .* origins https://intranet\\.example https://app\\.example  documents only`));
    const rebound = await runNpmScript("keys", ["origins", "--id", id, "--origin", "https://intranet.example"], env);
    expect(rebound).toMatchObject({ code: 0, stdout: `key ${id}: only from https://intranet.example\n` });

    const query = 'query Region { region(code: "76") { name } }';
    const manifest = path.join(dir, "manifest.json");
    fs.writeFileSync(manifest, JSON.stringify({ [createHash("sha256").update(query).digest("hex")]: query }));
    const first = await runNpmScript("keys", ["documents", "register", "--key", id, "--manifest", manifest], env);
    expect(first).toMatchObject({ code: 0, stdout: `1 documents for ${id}: 1 new, 0 already registered\n` });
    const again = await runNpmScript("keys", ["documents", "register", "--key", id, "--manifest", manifest], env);
    expect(again.stdout).toBe(`1 documents for ${id}: 0 new, 1 already registered\n`);

    const wrong = path.join(dir, "wrong.json");
    fs.writeFileSync(wrong, JSON.stringify({ [createHash("sha256").update("{ nope }").digest("hex")]: "{ nope }" }));
    const refused = await runNpmScript("keys", ["documents", "register", "--key", id, "--manifest", wrong], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^keys: manifest refused, nothing registered:\n {2}"[0-9a-f]{64}": Cannot query field "nope" on type "Query"/);
    expect(refused.stderr).not.toMatch(STACK_LINE);
  }, 180_000);
});

describe("npm run supergraph", () => {
  it("writes the supergraph of our three subgraphs, routed to their default ports", async () => {
    const out = path.join(dir, "supergraph.graphql");
    const run = await runNpmScript("supergraph", ["--out", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      `wrote ${out}: territories → http://localhost:4101/graphql, care-offer → http://localhost:4102/graphql, initiatives → http://localhost:4103/graphql\n`,
    );
    const sdl = fs.readFileSync(out, "utf8");
    expect(sdl).toContain('TERRITORIES @join__graph(name: "territories", url: "http://localhost:4101/graphql")');
    expect(sdl).toContain('INITIATIVES @join__graph(name: "initiatives", url: "http://localhost:4103/graphql")');
  });

  it("fails with the partner's name and exit code 1 when a partner of the gateway config does not answer", async () => {
    const config = path.join(dir, "gateway.config.json");
    fs.writeFileSync(config, JSON.stringify({ partners: [{ name: "mutuelle-exemple", url: `http://127.0.0.1:${await freePort()}/` }] }));
    const run = await runNpmScript("supergraph", ["--out", path.join(dir, "never.graphql"), "--gateway-config", config]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^supergraph failed: .*mutuelle-exemple/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(path.join(dir, "never.graphql"))).toBe(false);
  });
});

describe("npm run schema", () => {
  it("writes the API schema, the same as the committed schema.graphql", async () => {
    const out = path.join(dir, "schema.graphql");
    const run = await runNpmScript("schema", ["--out", out]);
    expect(run).toMatchObject({ code: 0, stdout: `${out}: written\n`, stderr: "" });
    expect(fs.readFileSync(out, "utf8")).toBe(fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8"));
  });

  it("reports a file it cannot write in one line with exit code 1", async () => {
    const run = await runNpmScript("schema", ["--out", path.join(dir, "no-such-folder", "schema.graphql")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^schema failed: ENOENT: no such file or directory, open '.+no-such-folder\/schema.graphql'\n$/);
  });
});

describe("npm run schema:check", () => {
  it("passes on the committed schema.graphql", async () => {
    const run = await runNpmScript("schema:check");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^schema.graphql(: no earlier published version| compared with [0-9a-f]{10}: \d+ breaking)/);
  });

  it("fails with exit code 1 on a schema file that is not the served schema", async () => {
    const stale = path.join(dir, "stale.graphql");
    fs.writeFileSync(stale, fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8").replace(/^type Query \{/m, 'type Query {\n  "Removed since."\n  legacyField: String'));
    const run = await runNpmScript("schema:check", ["--schema", stale]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${stale} is not the schema the server serves: run "npm run schema", review the change, and commit it.\n`);
  });
});
