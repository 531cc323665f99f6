import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT } from "../support/processes";
import { startServerProcess } from "../support/server-process";

const MAIN = path.join(ROOT, "dist/src/server/main.js");
/** Permissions do not hold for root: the files' checks then run the server as `nobody`. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Runs the built server until it exits: its code, stdout and stderr. */
function start(env: NodeJS.ProcessEnv, options: { asNobody?: boolean } = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.asNobody ? AS_NOBODY : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // A start that does not fail would run until killed: 20 s is far more than any failure here takes.
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** What must not change when a start fails: the file's bytes and its modification time. */
const fingerprint = (file: string) => ({ sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex"), mtimeMs: fs.statSync(file).mtimeMs });

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts-startup-"));
  fs.chmodSync(dir, 0o755);
});
afterAll(() => {
  for (const entry of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, entry), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One line on stderr, prefixed, exit code 1, no stack trace, nothing served. */
function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, line: string | RegExp): void {
  const lines = result.stderr.trim().split("\n");
  expect({ code: result.code, lines: lines.length, stack: /\n\s+at /.test(result.stderr) }).toEqual({ code: 1, lines: 1, stack: false });
  if (typeof line === "string") expect(lines[0]).toBe(`start-up failed: ${line}`);
  else expect(lines[0]).toMatch(line);
  expect(result.stdout).not.toMatch(/"msg":"ready"/);
}

describe("start-up errors name the setting: one line, exit 1, no stack, the database file untouched", () => {
  it("DATABASE_URL naming a file that is not an SQLite database", async () => {
    const file = path.join(dir, "notes.sqlite");
    fs.writeFileSync(file, "Ceci n'est pas une base de données.\n".repeat(200));
    const before = fingerprint(file);
    const result = await start({ DATABASE_URL: `sqlite:${file}`, PORT: String(await freePort()) });
    expectOneLine(result, `DATABASE_URL "sqlite:${file}": the file is not an SQLite database (file is not a database)`);
    expect(fingerprint(file)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("notes.sqlite-"))).toEqual([]);
  });

  it("DATABASE_URL naming a folder", async () => {
    const folder = path.join(dir, "a-folder");
    fs.mkdirSync(folder);
    expectOneLine(await start({ DATABASE_URL: `sqlite:${folder}`, PORT: String(await freePort()) }), `DATABASE_URL "sqlite:${folder}" names a folder, not an SQLite database file`);
  });

  it("DATABASE_URL naming a file the server cannot read", async () => {
    const file = path.join(dir, "private.sqlite");
    fs.copyFileSync(path.join(ROOT, "tests/faults/startup-errors.test.ts"), file);
    fs.chmodSync(file, 0o600);
    const before = fingerprint(file);
    const result = await start({ DATABASE_URL: `sqlite:${file}`, PORT: String(await freePort()) }, { asNobody: true });
    expectOneLine(result, `DATABASE_URL "sqlite:${file}": the file cannot be read and written (check its owner and permissions)`);
    expect(fingerprint(file)).toEqual(before);
  });

  it("DATABASE_URL in a folder the server cannot write (a new database, and an existing one: SQLite writes its -wal next to it)", async () => {
    const readOnly = path.join(dir, "read-only");
    fs.mkdirSync(readOnly);
    const existing = path.join(readOnly, "existing.sqlite");
    fs.copyFileSync(process.env.TEST_TEMPLATES ? JSON.parse(process.env.TEST_TEMPLATES).sqlite : path.join(ROOT, "data/territoire-sante.sqlite"), existing);
    fs.chmodSync(existing, 0o666);
    fs.chmodSync(readOnly, 0o555);
    const before = fingerprint(existing);
    const fresh = path.join(readOnly, "new.sqlite");
    expectOneLine(await start({ DATABASE_URL: `sqlite:${fresh}`, PORT: String(await freePort()) }, { asNobody: true }), `DATABASE_URL "sqlite:${fresh}": the folder ${readOnly} cannot be written, so the database cannot be created there`);
    expectOneLine(
      await start({ DATABASE_URL: `sqlite:${existing}`, PORT: String(await freePort()) }, { asNobody: true }),
      `DATABASE_URL "sqlite:${existing}": the folder ${readOnly} cannot be written (SQLite keeps its -wal and -shm files next to the database)`,
    );
    expect(fingerprint(existing)).toEqual(before);
    expect(fs.readdirSync(readOnly).sort()).toEqual(["existing.sqlite"]);
  });

  it("DATABASE_URL naming a PostgreSQL server that does not answer (its password never printed)", async () => {
    const result = await start({ DATABASE_URL: "postgres://partner:s3cret@127.0.0.1:1/territoire", PORT: String(await freePort()) });
    expectOneLine(result, /^start-up failed: DATABASE_URL "postgres:\/\/partner:\*\*\*@127\.0\.0\.1:1\/territoire": PostgreSQL cannot be reached or refuses the connection \(ECONNREFUSED/);
    expect(result.stderr).not.toContain("s3cret");
  });

  it("PORT already in use: named before the database is opened or seeded", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const file = path.join(dir, "never-created.sqlite");
    try {
      const result = await start({ DATABASE_URL: `sqlite:${file}`, PORT: String(port) });
      expectOneLine(result, `PORT ${port} is already in use on HOST "127.0.0.1" (EADDRINUSE): stop what listens there, or choose another PORT`);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      taken.close();
    }
  });

  it("HEALTH_PORT in use: named like PORT", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const result = await start({ DATABASE_URL: `sqlite:${path.join(dir, "unused.sqlite")}`, PORT: String(await freePort()), HEALTH_PORT: String(port) });
      expectOneLine(result, `HEALTH_PORT ${port} is already in use on HOST "127.0.0.1" (EADDRINUSE): stop what listens there, or choose another HEALTH_PORT`);
    } finally {
      taken.close();
    }
  });

  it("HEALTH_PORT, when it starts: the probes and metrics there, alone", async () => {
    const file = path.join(dir, "served.sqlite");
    fs.copyFileSync(JSON.parse(process.env.TEST_TEMPLATES ?? "{}").sqlite ?? path.join(ROOT, "data/territoire-sante.sqlite"), file);
    const healthPort = await freePort();
    const server = await startServerProcess(`sqlite:${file}`, { HOST: "127.0.0.1", HEALTH_PORT: String(healthPort) });
    try {
      const health = `http://127.0.0.1:${healthPort}`;
      expect((await fetch(`${health}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${health}/readyz`)).json()).toMatchObject({ status: "ready", checks: { database: "ok" } });
      expect(await (await fetch(`${health}/metrics`)).text()).toContain("graphql_operations_running");
      expect((await fetch(`${health}/graphql?query=%7B__typename%7D`)).status).toBe(404);
      expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("HOST that is not an address of this machine: named before the database is opened or seeded", async () => {
    const file = path.join(dir, "never-created-either.sqlite");
    // TEST-NET-3 (RFC 5737): never an address of this machine.
    const result = await start({ DATABASE_URL: `sqlite:${file}`, PORT: String(await freePort()), HOST: "203.0.113.7" });
    expectOneLine(result, 'HOST "203.0.113.7" is not an address of this machine (EADDRNOTAVAIL): use 0.0.0.0 (every interface), 127.0.0.1 or one of its own addresses');
    expect(fs.existsSync(file)).toBe(false);
  });
});
