import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_ROOT } from "../src/config/project-root";
import { composeSupergraph } from "../src/gateway/compose";
import { buildLocalSubgraphs } from "../src/gateway/local-subgraphs";

/**
 * Contenders made of several processes, started as a user starts them, then announced as
 * `ready on URL` for the bench. BENCH_TOPOLOGY:
 * - "hive": our three subgraphs as their own processes (`npm start -- --subgraph NAME`), the
 *   supergraph composed from them, Hive Gateway with deploy/gateway.config.ts in front;
 * - "hive-router": the same with Hive Gateway on Hive Router's runtime (`--hive-router-runtime`:
 *   the Rust query planner of `@graphql-hive/router-runtime`);
 * - "gateway-http": the same subgraph processes, our gateway (`npm start` with a gateway config
 *   naming them) in front;
 * - "workers-1", "workers-2": `npm start -- --workers N` (1: no cluster at all).
 * The environment (DATABASE_URL, limits, cache switches) is passed to every process of ours.
 */
const MAIN = path.join(PROJECT_ROOT, "dist/src/server/main.js");
const HIVE_GATEWAY = path.join(PROJECT_ROOT, "node_modules/@graphql-hive/gateway/dist/bin.js");
const HIVE_CONFIG = path.join(PROJECT_ROOT, "deploy/gateway.config.ts");
const TMP = path.join(PROJECT_ROOT, "bench", "tmp");

const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process (its output goes to ours, for the bench log on failure) and waits until `readyUrl` answers 200. */
async function start(args: string[], readyUrl: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${args.join(" ")} exited before it was ready`);
    if (await fetch(readyUrl).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
}

async function startSubgraphs(): Promise<Record<string, string>> {
  const names = ["territories", "care-offer", "initiatives"];
  const ports = await Promise.all(names.map(() => freePort()));
  await Promise.all(names.map((name, i) => start([MAIN, "--subgraph", name, "--port", String(ports[i])], `http://127.0.0.1:${ports[i]}/readyz`, { HOST: "127.0.0.1" })));
  return Object.fromEntries(names.map((name, i) => [name, `http://127.0.0.1:${ports[i]}/graphql`]));
}

async function main(): Promise<void> {
  const topology = process.env.BENCH_TOPOLOGY ?? "hive";
  const port = await freePort();
  fs.mkdirSync(TMP, { recursive: true });
  if (topology === "hive" || topology === "hive-router") {
    const urls = await startSubgraphs();
    const local = await buildLocalSubgraphs();
    const file = path.join(TMP, "supergraph.graphql");
    fs.writeFileSync(file, composeSupergraph(local.map((s) => ({ name: s.name, url: urls[s.name], sdl: s.sdl }))).supergraphSdl);
    const runtime = topology === "hive-router" ? ["--hive-router-runtime"] : [];
    await start([HIVE_GATEWAY, "supergraph", file, "--config-path", HIVE_CONFIG, "--host", "127.0.0.1", "--port", String(port), ...runtime], `http://127.0.0.1:${port}/readiness`);
  } else if (topology === "gateway-http") {
    const urls = await startSubgraphs();
    const file = path.join(TMP, "gateway.config.json");
    fs.writeFileSync(file, JSON.stringify({ subgraphs: Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, { url }])) }));
    await start([MAIN, "--port", String(port)], `http://127.0.0.1:${port}/readyz`, { HOST: "127.0.0.1", GATEWAY_CONFIG: file });
  } else {
    const workers = /^workers-(\d+)$/.exec(topology)?.[1];
    if (!workers) throw new Error(`unknown BENCH_TOPOLOGY "${topology}"`);
    await start([MAIN, "--port", String(port), "--workers", workers], `http://127.0.0.1:${port}/readyz`, { HOST: "127.0.0.1" });
  }
  process.stdout.write(`ready on http://127.0.0.1:${port}/graphql\n`);
}

async function stop(code: number): Promise<never> {
  await Promise.all(children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM"))))));
  process.exit(code);
}

process.once("SIGTERM", () => void stop(0));
process.once("SIGINT", () => void stop(0));
main().catch((error: unknown) => {
  process.stderr.write(`bench topology failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
