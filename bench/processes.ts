import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { cpuBetween, processTree } from "./process-tree";
import type { RequestBody } from "./queries";

/** A contender's server, started as its own process so that it never shares a core's event loop with the load generator. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `command` and resolves with the URL it prints as `ready on URL`. */
export function startServerProcess(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs = 180_000): Promise<ServerProcess> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killed = sleep(10_000).then(() => child.kill("SIGKILL"));
    await Promise.race([exited, killed]);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`timed out waiting for ${command} ${args.join(" ")}:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1], child, output: () => output, stop });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(" ")} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/**
 * Waits until the server has drained the requests still queued when the load generator
 * stopped (each of its processes uses under 5% of a core over 250 ms: a topology is several
 * processes, bench/process-tree.ts), so that one measurement does not pay for the previous
 * one's backlog. Gives up after `maxMs`.
 */
export async function waitUntilIdle(pid: number, maxMs = 120_000): Promise<void> {
  const started = Date.now();
  let previous = processTree(pid);
  while (previous.length > 0 && Date.now() - started < maxMs) {
    await sleep(250);
    const now = processTree(pid);
    const spent = [...cpuBetween(previous, now).values()].reduce((a, b) => a + b, 0);
    if (now.length === 0 || spent <= 10_000 * now.length) return; // 1 tick (10 ms) per process: ≤ 4% of 250 ms
    previous = now;
  }
}

/** POSTs a GraphQL request and returns its `data`; throws unless the answer is HTTP 200 without errors. */
export async function postGraphQL(url: string, body: RequestBody, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json", ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as any;
  if (res.status !== 200 || json.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data;
}
