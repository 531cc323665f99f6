import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";

export const ROOT = path.join(__dirname, "../..");

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts a process and resolves once its output matches `ready` (rejects if it exits first or times out). */
export function startProcess(command: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}, timeoutMs = 60000): Promise<Started> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  // "close" (after "exit", once the output pipes are drained): whoever awaits the end then reads all of the output.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const started: Started = {
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${command} ${args.join(" ")}:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(started);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Starts the example partner subgraph as its own process. */
export function startPartnerSubgraph(port: number): Promise<Started> {
  return startProcess(process.execPath, [path.join(ROOT, "examples/mutuelle-subgraph/server.js"), "--port", String(port)], /ready at/);
}

export async function postGraphQL(url: string, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/**
 * A POST /graphql on a connection of its own (no keep-alive pool): a refused connection shows as
 * such, and a cluster's primary hands each one to the next worker. With `timeoutMs`, a request
 * never answered (a connection handed to a worker as it was killed) fails after that long.
 */
export function postOnNewConnection(port: number, query: string, timeoutMs?: number): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", agent: false, headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (timeoutMs !== undefined) req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out: no answer in ${timeoutMs / 1000} s`)));
    req.end(JSON.stringify({ query }));
  });
}
