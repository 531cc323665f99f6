import fs from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { PROJECT_ROOT } from "../src/config/project-root";
import { bodyOf, CONTENDERS, headersOf } from "./contenders";
import { prepareDatabases } from "./databases";
import { cpuBetween, processTree } from "./process-tree";
import { postGraphQL, startServerProcess, waitUntilIdle } from "./processes";
import { benchQueries } from "./queries";

/**
 * `npm run bench:cpu -- --only gateway-postgres,postgraphile --queries hero,point [--requests 3000 --rounds 2]`:
 * CPU time (user + system) the contender spends per request, read from /proc around a fixed
 * number of requests, summed over every process it is made of (bench/process-tree.ts): for a
 * topology, the gateway and each subgraph process; that sum is what transfers to several
 * machines, where req/s on one shared machine does not. On a machine shared with other work,
 * requests per second mostly measure the neighbours; CPU per request measures the server.
 * Contenders run in turn, `rounds` times (A B A B…), so that a drift in the machine shows as a
 * spread between rounds. `--baseline ID` (default: the first of `--only`) gives each
 * contender's CPU as a multiple of that one's, round by round; a contender of several
 * processes also gets a line per process.
 */

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

/** One contender's figures for one query and round, in µs of CPU per request. */
interface CpuFigures {
  /** Every process of the contender, summed. */
  total: number;
  /** By process role (bench/process-tree.ts), for a contender of several processes. */
  byRole: Map<string, number>;
  postgres: number;
  generator: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const cell = (values: number[]) => values.map((f) => f.toFixed(0)).join(" / ");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", default: "gateway-postgres,postgraphile" },
      queries: { type: "string", default: "hero,point" },
      requests: { type: "string", default: "3000" },
      rounds: { type: "string", default: "2" },
      connections: { type: "string", default: "10" },
      baseline: { type: "string" },
    },
  });
  const ids = values.only.split(",");
  const contenders = ids.map((id) => {
    const contender = CONTENDERS.find((c) => c.id === id);
    if (!contender) throw new Error(`unknown contender ${id}`);
    return contender;
  });
  const baseline = values.baseline ?? ids[0];
  const dbs = await prepareDatabases((line) => process.stdout.write(`${line}\n`));
  const queries = benchQueries({ sirens: dbs.sirens }).filter((q) => values.queries.split(",").includes(q.id));
  const requests = Number(values.requests);
  const results = new Map<string, CpuFigures[]>();
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const contender of contenders) {
      const { command, args, env } = contender.command(dbs);
      const server = await startServerProcess(command, args, env, PROJECT_ROOT);
      const root = server.child.pid!;
      try {
        for (const query of queries) {
          const bodies = Array.from({ length: Math.max(query.checks, 1000) }, (_, i) => JSON.stringify(bodyOf(contender, query, i)));
          const headers = headersOf(contender, dbs);
          await postGraphQL(server.url, bodyOf(contender, query, 0), headers);
          await send(server.url, bodies, Math.ceil(requests / 3), Number(values.connections), headers); // warm-up: JIT, pools, caches
          await waitUntilIdle(root);
          const before = processTree(root);
          const [postgresBefore, generatorBefore] = [postgresCpuMicros(), loadGeneratorCpuMicros()];
          const sent = await send(server.url, bodies, requests, Number(values.connections), headers);
          const generator = (loadGeneratorCpuMicros() - generatorBefore) / sent;
          await waitUntilIdle(root);
          const byRole = new Map([...cpuBetween(before, processTree(root))].map(([role, micros]) => [role, micros / sent]));
          const total = [...byRole.values()].reduce((a, b) => a + b, 0);
          const figures: CpuFigures = { total, byRole, postgres: (postgresCpuMicros() - postgresBefore) / sent, generator };
          const key = `${query.id}\t${contender.id}`;
          results.set(key, [...(results.get(key) ?? []), figures]);
          const parts = byRole.size > 1 ? ` = ${[...byRole].map(([role, micros]) => `${role} ${micros.toFixed(0)}`).join(" + ")}` : "";
          process.stdout.write(
            `round ${round + 1}  ${query.id.padEnd(6)} ${contender.label.padEnd(40)} ${total.toFixed(0).padStart(6)} µs CPU / request${parts}` +
              ` (PostgreSQL ${figures.postgres.toFixed(0)}, load generator ${generator.toFixed(0)})\n`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  }
  process.stdout.write(
    `\n| query | contender | every process: µs CPU / request (each round) | × ${baseline} | PostgreSQL | load generator |\n|---|---|---:|---:|---:|---:|\n`,
  );
  for (const [key, figures] of results) {
    const [query, contender] = key.split("\t");
    const reference = results.get(`${query}\t${baseline}`);
    const ratios = reference ? figures.map((f, i) => `${(f.total / reference[Math.min(i, reference.length - 1)].total).toFixed(2)}×`).join(" / ") : "–";
    process.stdout.write(
      `| ${query} | ${contender} | ${cell(figures.map((f) => f.total))} | ${ratios} | ${cell(figures.map((f) => f.postgres))} | ${cell(figures.map((f) => f.generator))} |\n`,
    );
  }
  const split = [...results].filter(([, figures]) => figures[0].byRole.size > 1);
  if (split.length === 0) return;
  process.stdout.write("\n| query | contender | process | µs CPU / request (median round) | share |\n|---|---|---|---:|---:|\n");
  for (const [key, figures] of split) {
    const [query, contender] = key.split("\t");
    const total = median(figures.map((f) => f.total));
    for (const role of figures[0].byRole.keys()) {
      const micros = median(figures.map((f) => f.byRole.get(role) ?? 0));
      process.stdout.write(`| ${query} | ${contender} | ${role} | ${micros.toFixed(0)} | ${((100 * micros) / total).toFixed(0)} % |\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cpu-cost failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
