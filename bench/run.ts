import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/config/project-root";
import { bodyOf, CONTENDERS, type Contender, headersOf, POSTGRAPHILE_DIR, REDIS_URL } from "./contenders";
import { type BenchDatabases, prepareDatabases } from "./databases";
import { type LoadSettings, measure } from "./load";
import { cpuBetween, type ProcessCpu, processTree } from "./process-tree";
import { postGraphQL, startServerProcess, waitUntilIdle } from "./processes";
import { type BenchQuery, benchQueries } from "./queries";
import { cpuTable, describeMachine, markdownReport, type Measurement, type Results, rows, textTable, goals } from "./report";

/**
 * `npm run bench [-- --duration S --warmup S --connections N --rounds R --only id,id --queries id,id]`
 * (`-- --report-only` rewrites results.md from results.json):
 * starts each contender in turn on loopback, checks that it answers every benchmark query
 * with the same data as the others, counts its SQL statements per query, then measures
 * throughput, latency and the CPU of every process of the contender (a topology's gateway and
 * subgraphs, bench/process-tree.ts) per request under load. Prints the tables and writes
 * bench/results.{json,md}.
 */

const log = (line: string) => process.stdout.write(`${line}\n`);

async function statementsSoFar(url: string): Promise<number> {
  const res = await fetch(new URL("/bench/sql-statements", url));
  return ((await res.json()) as { statements: number }).statements;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.setTimeout(2000);
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** PostGraphile has its own package (its own lockfile, kept out of the project's dependencies): installed on first use. */
function ensurePostgraphileInstalled(): void {
  if (fs.existsSync(path.join(POSTGRAPHILE_DIR, "node_modules", "postgraphile"))) return;
  log("installing PostGraphile's benchmark package (bench/postgraphile, once)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], { cwd: POSTGRAPHILE_DIR, stdio: "inherit" });
}

/** Answers each contender must give alike: the first contender to answer sets the reference. */
class References {
  private readonly answers = new Map<string, { contender: string; data: unknown }>();
  check(contender: string, key: string, data: unknown): void {
    const reference = this.answers.get(key);
    if (!reference) {
      this.answers.set(key, { contender, data });
      return;
    }
    if (!isDeepStrictEqual(reference.data, data)) {
      const a = JSON.stringify(reference.data);
      const b = JSON.stringify(data);
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      throw new Error(`${contender} answers ${key} differently from ${reference.contender}; first difference near:\n  ${reference.contender}: …${a.slice(Math.max(0, i - 80), i + 120)}\n  ${contender}: …${b.slice(Math.max(0, i - 80), i + 120)}`);
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "50" },
      rounds: { type: "string", default: "1" },
      only: { type: "string" },
      queries: { type: "string" },
      out: { type: "string", default: path.join(PROJECT_ROOT, "bench") },
      "report-only": { type: "boolean", default: false },
    },
  });
  if (values["report-only"]) {
    // Rewrites results.md (and prints the table) from the figures of the last run.
    const results: Results = JSON.parse(fs.readFileSync(path.join(values.out, "results.json"), "utf8"));
    const contenders = CONTENDERS.filter((c) => results.contenders.some((r) => r.id === c.id));
    log(textTable(rows(results, contenders)));
    for (const goal of goals(results)) log(`- ${goal}`);
    fs.writeFileSync(path.join(values.out, "results.md"), markdownReport(results, contenders));
    return;
  }
  const settings: LoadSettings = { duration: Number(values.duration), warmup: Number(values.warmup), connections: Number(values.connections) };
  const machine = describeMachine();
  log(`machine: ${machine.cores} cores, ${machine.cpu}, load average ${machine.loadAverageBefore.join(" / ")} (other processes may be running)`);

  const postgresUp = await reachable("127.0.0.1", 5432);
  const redisUp = await reachable(new URL(REDIS_URL).hostname, Number(new URL(REDIS_URL).port || 6379));
  const wanted = values.only?.split(",");
  const skipped: Results["skipped"] = [];
  const contenders = CONTENDERS.filter((c) => {
    if (wanted && !wanted.includes(c.id)) return false;
    if (c.engine === "postgres" && !postgresUp) skipped.push({ contender: c.label, reason: "PostgreSQL at 127.0.0.1:5432 is not reachable" });
    else if (c.needs === "redis" && !redisUp) skipped.push({ contender: c.label, reason: `Redis at ${REDIS_URL} is not reachable` });
    else return true;
    return false;
  });
  if (contenders.some((c) => c.id === "postgraphile")) ensurePostgraphileInstalled();

  log("preparing the databases…");
  const dbs: BenchDatabases = await prepareDatabases(log);
  const queries = benchQueries({ sirens: dbs.sirens }).filter((q) => !values.queries || values.queries.split(",").includes(q.id));
  const references = new References();
  const measurements: Measurement[] = [];

  // With several rounds, contenders take turns (A B C, A B C…) and each figure is the median
  // round's: a machine whose speed drifts over minutes (a shared host) slows every contender alike.
  const rounds = Math.max(1, Number(values.rounds));
  const byKey = new Map<string, Measurement[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const contender of contenders) {
      log(`\n${contender.label}: starting…${rounds > 1 ? ` (round ${round} of ${rounds})` : ""}`);
      const { command, args, env } = contender.command(dbs);
      const server = await startServerProcess(command, args, env, PROJECT_ROOT);
      const headers = headersOf(contender, dbs);
      try {
        for (const query of queries) {
          const { sqlStatements, singleRequestMs } = await checkAnswers(server.url, contender, query, references, headers);
          const bodies = Array.from({ length: Math.max(query.checks, 1000) }, (_, i) => bodyOf(contender, query, i));
          // CPU of every process of the contender (a topology's gateway and subgraphs) over the measured window.
          let before: ProcessCpu[] = [];
          let cpuByRole = new Map<string, number>();
          const root = server.child.pid!;
          const window = { opened: () => void (before = processTree(root)), closed: () => void (cpuByRole = cpuBetween(before, processTree(root))) };
          const figures = await measure(server.url, bodies, settings, singleRequestMs, headers, window);
          const cpu = cpuPerRequest(cpuByRole, figures.responses);
          // Requests still queued when the load stopped must not slow the next query down.
          await waitUntilIdle(server.child.pid!);
          if (figures.failures > 0) throw new Error(`${contender.label} / ${query.id}: ${figures.failures} failed requests under load (${figures.failureKinds})`);
          const key = `${query.id}\t${contender.id}`;
          byKey.set(key, [...(byKey.get(key) ?? []), { query: query.id, contender: contender.id, sqlStatements, ...figures, cpu }]);
          log(
            `  ${query.id.padEnd(9)} ${figures.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${figures.p50.toFixed(1)} ms  p99 ${figures.p99.toFixed(1)} ms` +
              (sqlStatements === null ? "" : `  ${sqlStatements} SQL`) +
              (cpu ? `  ${cpu.perRequest.toFixed(0)} µs CPU/request` : ""),
          );
        }
      } finally {
        await server.stop();
      }
    }
  }
  for (const runs of byKey.values()) {
    const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    measurements.push(rounds > 1 ? { ...median, rounds: runs.map((r) => Math.round(r.requestsPerSecond)) } : median);
  }

  machine.loadAverageAfter = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const results: Results = {
    date: new Date().toISOString(),
    machine,
    settings: { ...settings, rounds },
    queries: queries.map((q) => ({ id: q.id, title: q.title })),
    contenders: contenders.map((c) => ({ id: c.id, label: c.label, engine: c.engine, cache: c.cache })),
    measurements,
    skipped,
  };
  log(`\n${textTable(rows(results, contenders))}\n`);
  log(`${cpuTable(results, contenders)}\n`);
  for (const goal of goals(results)) log(`- ${goal}`);
  for (const s of skipped) log(`skipped ${s.contender}: ${s.reason}`);
  fs.writeFileSync(path.join(values.out, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(values.out, "results.md"), markdownReport(results, contenders));
  log(`\nwrote ${path.join(values.out, "results.json")} and results.md`);
}

/** µs of CPU per response over the measured window, in all and by process (none when nothing was measured). */
function cpuPerRequest(byRole: Map<string, number>, responses: number): Measurement["cpu"] {
  if (byRole.size === 0 || responses === 0) return undefined;
  const byProcess = Object.fromEntries([...byRole].map(([role, micros]) => [role, Math.round(micros / responses)]));
  return { perRequest: Math.round([...byRole.values()].reduce((a, b) => a + b, 0) / responses), byProcess };
}

/**
 * Sends each of the query's check bodies once and compares the answers; counts the first
 * one's SQL statements and times the last one alone (after the others warmed it up a little).
 */
async function checkAnswers(url: string, contender: Contender, query: BenchQuery, references: References, headers: Record<string, string>) {
  let sqlStatements: number | null = null;
  let singleRequestMs = 0;
  for (let i = 0; i <= query.checks; i++) {
    const body = bodyOf(contender, query, i % query.checks);
    const before = contender.countsStatements && i === 0 ? await statementsSoFar(url) : 0;
    const started = performance.now();
    const data = await postGraphQL(url, body, headers);
    singleRequestMs = performance.now() - started;
    if (contender.countsStatements && i === 0) sqlStatements = (await statementsSoFar(url)) - before;
    references.check(contender.label, `${query.id}#${i % query.checks}`, query.normalise(contender.dialect, data));
  }
  return { sqlStatements, singleRequestMs };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
