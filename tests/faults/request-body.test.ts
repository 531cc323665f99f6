import net from "node:net";
import { DEFAULT_LIMITS } from "../../src/config/config";
import { type RunningServer, startServer } from "../../src/server/start-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { tally } from "./fault-support";

/** The body timeout of this test's server: longer than the 2 s the rate gets before it is judged. */
const BODY_TIMEOUT_MS = 4000;

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer({
    db: database.db,
    mode: { kind: "monolith" },
    port: 0,
    host: "127.0.0.1",
    limits: { ...DEFAULT_LIMITS, bodyTimeoutMs: BODY_TIMEOUT_MS, bodyMinBytesPerSecond: 1024, anonymousRequestsPerMinute: 1_000_000 },
    reportError: () => {},
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/**
 * A too-large body sent as most clients send one (Python's requests, a shell's curl --data @file):
 * the whole body first, then the answer is read, asking the server to close the connection after
 * it. A write that fails (EPIPE, ECONNRESET: the server closed while the body was still coming)
 * loses the answer for such a client, whatever bytes of it reached the socket.
 */
function postTooLarge(bytes: number): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, "127.0.0.1");
    let text = "";
    let writeError: string | undefined;
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("error", (error: NodeJS.ErrnoException) => (writeError ??= error.code ?? error.message));
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]) || undefined;
      resolve(writeError ? { error: writeError } : { status });
    });
    socket.on("connect", () => {
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\nConnection: close\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const write = () => {
        while (sent < bytes && !socket.destroyed) {
          const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
          sent += part.length;
          if (!socket.write(part)) return void socket.once("drain", write);
        }
      };
      write();
    });
  });
}

/** Sends headers announcing `length` bytes, then `perSecond` bytes each second; resolves with the answer's status line and how long it took. */
function trickle(length: number, perSecond: number): Promise<{ status: number; ms: number; body: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(server.port, "127.0.0.1");
    let text = "";
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);
      const step = Math.max(1, Math.round(perSecond / 10));
      timer = setInterval(() => !socket.destroyed && socket.write(Buffer.alloc(step, " ")), 100);
    });
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      if (!status) return reject(new Error(`no answer: ${JSON.stringify(text)}`));
      resolve({ status, ms: performance.now() - started, body: text.slice(text.indexOf("\r\n\r\n") + 4), closed: true });
    });
  });
}

describe("request bodies: every answer reaches the client", () => {
  it("answers 413 to a too-large body with Connection: close 20 times out of 20 (the rest of the body is read first, no EPIPE)", async () => {
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await postTooLarge(20 * 1024 * 1024));
    process.stdout.write(`413 with Connection: close, 20 MiB bodies: ${JSON.stringify(tally(results.map((r) => r.error ?? r.status)))}\n`);
    expect(results).toEqual(Array.from({ length: 20 }, () => ({ status: 413 })));
  }, 60_000);

  it("answers 408 REQUEST_TIMEOUT to a body arriving slower than REQUEST_BODY_MIN_BYTES_PER_SECOND, after its 2 s of grace, and closes the connection", async () => {
    const answer = await trickle(10_000, 100);
    process.stdout.write(`a body at 100 bytes/s: ${answer.status} after ${answer.ms.toFixed(0)} ms\n`);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).errors[0]).toMatchObject({ extensions: { code: "REQUEST_TIMEOUT" }, message: expect.stringMatching(/slower than the 1024 bytes\/s accepted/) });
    expect(answer.ms).toBeGreaterThan(2000);
    expect(answer.ms).toBeLessThan(2000 + 1000 + 1500);
  }, 20_000);

  it("answers 408 to a body still arriving after REQUEST_BODY_TIMEOUT_MS, however fast it comes", async () => {
    const answer = await trickle(50_000, 3000);
    process.stdout.write(`a body at 3,000 bytes/s, 50 kB: ${answer.status} after ${answer.ms.toFixed(0)} ms\n`);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).errors[0]).toMatchObject({ extensions: { code: "REQUEST_TIMEOUT" }, message: expect.stringMatching(/did not arrive within 4000 ms/) });
    expect(answer.ms).toBeGreaterThan(BODY_TIMEOUT_MS);
    expect(answer.ms).toBeLessThan(BODY_TIMEOUT_MS + 1500);
  }, 20_000);
});
