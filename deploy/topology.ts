import "reflect-metadata";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/config/project-root";
import { DEFAULT_SUBGRAPH_URLS } from "../src/gateway/subgraph-urls";

/**
 * `npm run topology [-- --port 4000 --gateway-config FILE --router-runtime]`: the several-machines topology of
 * docs/scale-out.md on one machine, for a trial. Starts our three subgraphs as their own
 * processes on the ports of the supergraph (4101–4103; territories first, so that it seeds an
 * empty database alone), writes the supergraph with `npm run supergraph` (partners of the
 * gateway config included), then serves it with Hive Gateway. Every line is prefixed with the
 * process it comes from; Ctrl-C stops them all. A process that dies is not restarted: try
 * killing a subgraph and see the gateway fail its fields only. `--router-runtime`: Hive Gateway
 * plans with Hive Router's Rust query planner (`--hive-router-runtime`, `@graphql-hive/router-runtime`).
 */
const SUPERGRAPH_CLI = path.join(PROJECT_ROOT, "dist/src/gateway/supergraph.cli.js");
const MAIN = path.join(PROJECT_ROOT, "dist/src/server/main.js");
const HIVE_GATEWAY = path.join(PROJECT_ROOT, "node_modules/@graphql-hive/gateway/dist/bin.js");
const HIVE_CONFIG = path.join(PROJECT_ROOT, "deploy/gateway.config.ts");

const children = new Map<string, ChildProcess>();
let stopping = false;

/** Resolves once `url` answers 200 (polled every 200 ms). */
async function answers(url: string): Promise<void> {
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts a process with prefixed output; resolves once a line matches `ready` or `readyUrl` answers 200. */
function start(name: string, args: string[], ready: RegExp | string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.set(name, child);
  return new Promise((resolve, reject) => {
    let isReady = false;
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter((l) => l !== "")) {
        process.stdout.write(`[${name}] ${line}\n`);
        if (!isReady && typeof ready !== "string" && ready.test(line)) {
          isReady = true;
          resolve();
        }
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    if (typeof ready === "string") void answers(ready).then(() => ((isReady = true), resolve()));
    child.once("exit", (code, signal) => {
      children.delete(name);
      if (!isReady) reject(new Error(`${name} exited (${signal ?? code}) before it was ready`));
      else if (!stopping) process.stdout.write(`[topology] ${name} stopped (${signal ?? code}); the others keep running\n`);
    });
  });
}

function stopAll(code: number): void {
  stopping = true;
  for (const child of children.values()) child.kill("SIGTERM");
  const exit = () => (children.size === 0 ? process.exit(code) : setTimeout(exit, 100));
  exit();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "4000" }, "gateway-config": { type: "string" }, "router-runtime": { type: "boolean", default: false } },
  });
  process.once("SIGINT", () => stopAll(0));
  process.once("SIGTERM", () => stopAll(0));
  const [first, ...others] = Object.entries(DEFAULT_SUBGRAPH_URLS);
  const startSubgraph = ([name, url]: [string, string]) => start(name, [MAIN, "--subgraph", name, "--port", new URL(url).port], `http://127.0.0.1:${new URL(url).port}/readyz`, { HOST: "127.0.0.1" });
  await startSubgraph(first);
  await Promise.all(others.map(startSubgraph));
  const supergraph = path.join(PROJECT_ROOT, "supergraph.graphql");
  const composeArgs = [SUPERGRAPH_CLI, "--out", supergraph, ...(values["gateway-config"] ? ["--gateway-config", values["gateway-config"]] : [])];
  process.stdout.write(`[supergraph] ${execFileSync(process.execPath, composeArgs, { cwd: PROJECT_ROOT, encoding: "utf8" })}`);
  const runtime = values["router-runtime"] ? ["--hive-router-runtime"] : [];
  await start("hive-gateway", [HIVE_GATEWAY, "supergraph", supergraph, "--config-path", HIVE_CONFIG, "--port", values.port, ...runtime], `http://127.0.0.1:${values.port}/readiness`, { NO_COLOR: "1" });
  const over = Object.keys(DEFAULT_SUBGRAPH_URLS).join(", ");
  process.stdout.write(`[topology] ready: Hive Gateway (${values["router-runtime"] ? "Hive Router's runtime" : "JavaScript runtime"}) at http://localhost:${values.port}/graphql over ${over}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`topology failed: ${error instanceof Error ? error.message : String(error)}\n`);
  stopAll(1);
});
