import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/config/project-root";
import { CONTENDERS, headersOf } from "./contenders";
import { prepareDatabases } from "./databases";
import { measure } from "./load";
import { postGraphQL, startServerProcess, waitUntilIdle } from "./processes";
import { benchQueries } from "./queries";
import { type CpuProfile, markdownTable, summarise } from "./profile-table";

/**
 * `npm run bench:profile -- --contender gateway-postgres --query hero [--duration 10 --connections 20]`:
 * starts one of our contenders under `node --cpu-prof`, loads it with one query, stops it (which
 * writes the profile) and prints where the microseconds of a request went (profile-table.ts).
 * Profiles land in bench/tmp/profiles.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      contender: { type: "string", default: "gateway-postgres" },
      query: { type: "string", default: "hero" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "20" },
    },
  });
  const contender = CONTENDERS.find((c) => c.id === values.contender);
  if (!contender || !contender.countsStatements || contender.id.startsWith("floor")) throw new Error(`profile one of our contenders (not ${values.contender})`);
  const dbs = await prepareDatabases((line) => process.stdout.write(`${line}\n`));
  const query = benchQueries({ sirens: dbs.sirens }).find((q) => q.id === values.query);
  if (!query) throw new Error(`unknown query ${values.query}`);
  const dir = path.join(PROJECT_ROOT, "bench", "tmp", "profiles");
  fs.mkdirSync(dir, { recursive: true });
  const name = `${contender.id}-${query.id}-${Date.now()}.cpuprofile`;
  const { command, args, env } = contender.command(dbs);
  const spawned = performance.now();
  const server = await startServerProcess(command, ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, ...args], env, PROJECT_ROOT);
  let responses = 0;
  let loadStartedMs = 0;
  try {
    const bodies = Array.from({ length: Math.max(query.checks, 1000) }, (_, i) => query.body("ours", i));
    const headers = headersOf(contender, dbs);
    for (const body of bodies.slice(0, 20)) await postGraphQL(server.url, body, headers);
    loadStartedMs = performance.now() - spawned;
    const figures = await measure(server.url, bodies, { duration: Number(values.duration), warmup: 0, connections: Number(values.connections) }, 0, headers);
    await waitUntilIdle(server.child.pid!);
    if (figures.failures > 0) throw new Error(`${figures.failures} failed requests (${figures.failureKinds})`);
    responses = figures.responses;
    process.stdout.write(`${contender.label} / ${query.id}: ${figures.requestsPerSecond.toFixed(0)} req/s at ${values.connections} connections\n`);
  } finally {
    await server.stop();
  }
  const file = path.join(dir, name);
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  // Start-up and the first requests are left out: the table is of the load alone.
  const skipSeconds = loadStartedMs / 1000;
  process.stdout.write(`${file} (${responses} requests after ${skipSeconds.toFixed(1)} s)\n\n${markdownTable(summarise(profile, skipSeconds * 1e6), responses)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
