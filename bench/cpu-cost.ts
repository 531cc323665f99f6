import fs from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { PROJECT_ROOT } from "../src/config/project-root";
import { bodyOf, CONTENDERS, headersOf } from "./contenders";
import { prepareDatabases } from "./databases";
import { postGraphQL, startServerProcess, waitUntilIdle } from "./processes";
import { benchQueries } from "./queries";

/**
 * `npm run bench:cpu -- --only gateway-postgres,postgraphile --queries hero,point [--requests 3000 --rounds 2]`:
 * CPU time (user + system) the server process spends per request, read from /proc around a
 * fixed number of requests. On a machine shared with other work, requests per second mostly
 * measure the neighbours; CPU per request measures the server. Contenders run in turn, `rounds`
 * times (A B A B…), so that a drift in the machine shows as a spread between rounds.
 */

function cpuMicros(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** CPU of every PostgreSQL process (backends included): what the database spends for the contender. */
function postgresCpuMicros(): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.split(") ")[1].split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * 10_000;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/** CPU of this process: the load generator (autocannon runs here), parsing every answer. */
function loadGeneratorCpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function send(url: string, bodies: string[], amount: number, connections: number, headers: Record<string, string>): Promise<number> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        connections,
        amount,
        timeout: 120,
        requests: [{ setupRequest: (request) => ((request.body = bodies[next++ % bodies.length]), request) }],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        const failed = result.errors + result.timeouts + result.non2xx;
        if (failed > 0) return reject(new Error(`${failed} failed requests`));
        resolve(result.requests.total);
      },
    );
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", default: "gateway-postgres,postgraphile" },
      queries: { type: "string", default: "hero,point" },
      requests: { type: "string", default: "3000" },
      rounds: { type: "string", default: "2" },
      connections: { type: "string", default: "10" },
    },
  });
  const ids = values.only.split(",");
  const contenders = ids.map((id) => {
    const contender = CONTENDERS.find((c) => c.id === id);
    if (!contender) throw new Error(`unknown contender ${id}`);
    return contender;
  });
  const dbs = await prepareDatabases((line) => process.stdout.write(`${line}\n`));
  const queries = benchQueries({ sirens: dbs.sirens }).filter((q) => values.queries.split(",").includes(q.id));
  const requests = Number(values.requests);
  const results = new Map<string, number[]>();
  // PostgreSQL's processes and the load generator, per request: the rest of the machine's CPU a request costs.
  const extra = new Map<string, [number, number][]>();
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const contender of contenders) {
      const { command, args, env } = contender.command(dbs);
      const server = await startServerProcess(command, args, env, PROJECT_ROOT);
      try {
        for (const query of queries) {
          const bodies = Array.from({ length: Math.max(query.checks, 1000) }, (_, i) => JSON.stringify(bodyOf(contender, query, i)));
          const headers = headersOf(contender, dbs);
          await postGraphQL(server.url, bodyOf(contender, query, 0), headers);
          await send(server.url, bodies, Math.ceil(requests / 3), Number(values.connections), headers); // warm-up: JIT, pools, caches
          await waitUntilIdle(server.child.pid!);
          const before = [cpuMicros(server.child.pid!), postgresCpuMicros(), loadGeneratorCpuMicros()];
          const sent = await send(server.url, bodies, requests, Number(values.connections), headers);
          const generator = (loadGeneratorCpuMicros() - before[2]) / sent;
          await waitUntilIdle(server.child.pid!);
          const perRequest = (cpuMicros(server.child.pid!) - before[0]) / sent;
          const database = (postgresCpuMicros() - before[1]) / sent;
          const key = `${query.id}\t${contender.id}`;
          results.set(key, [...(results.get(key) ?? []), perRequest]);
          extra.set(key, [...(extra.get(key) ?? []), [database, generator]]);
          process.stdout.write(
            `round ${round + 1}  ${query.id.padEnd(6)} ${contender.label.padEnd(40)} ${perRequest.toFixed(0).padStart(6)} µs CPU / request` +
              ` (PostgreSQL ${database.toFixed(0)}, load generator ${generator.toFixed(0)})\n`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  }
  process.stdout.write(
    "\n| query | contender | server: µs CPU / request (each round) | PostgreSQL | load generator | all three |\n|---|---|---|---|---|---|\n",
  );
  for (const [key, figures] of results) {
    const [query, contender] = key.split("\t");
    const others = extra.get(key) ?? [];
    const cell = (values: number[]) => values.map((f) => f.toFixed(0)).join(" / ");
    process.stdout.write(
      `| ${query} | ${contender} | ${cell(figures)} | ${cell(others.map((o) => o[0]))} | ${cell(others.map((o) => o[1]))} | ${cell(figures.map((f, i) => f + others[i][0] + others[i][1]))} |\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cpu-cost failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
