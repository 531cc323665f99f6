import os from "node:os";
import type { Contender } from "./contenders";
import type { LoadFigures, LoadSettings } from "./load";
import type { BenchQuery } from "./queries";

export interface Measurement extends LoadFigures {
  query: BenchQuery["id"];
  contender: string;
  /** SQL statements one request issued (a cache miss for the cached contenders); null when not counted. */
  sqlStatements: number | null;
  /** With `--rounds`: req/s of every round, in order (the figures above are the median round's). */
  rounds?: number[];
  /**
   * CPU (user + system) over the measured window per response, in µs: every process of the
   * contender together, and each by its role ("Hive Gateway", "subgraph territories"…).
   * Absent from runs before it was measured.
   */
  cpu?: { perRequest: number; byProcess: Record<string, number> };
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  loadAverageBefore: number[];
  loadAverageAfter?: number[];
}

export function describeMachine(): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageBefore: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export interface Results {
  date: string;
  machine: Machine;
  settings: LoadSettings & { rounds?: number };
  queries: { id: string; title: string }[];
  contenders: { id: string; label: string; engine: string; cache: string }[];
  measurements: Measurement[];
  skipped: { contender: string; reason: string }[];
}

export interface Row {
  query: string;
  contender: string;
  rps: string;
  p50: string;
  p99: string;
  p99OverP50: string;
  sql: string;
  vsFloor: string;
  vsPostgraphile: string;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** Throughput of `m` over the reference's, e.g. "0.45×"; "–" when the reference is missing. */
function ratio(m: Measurement, reference: Measurement | undefined): string {
  if (!reference || reference.requestsPerSecond === 0) return "–";
  return `${(m.requestsPerSecond / reference.requestsPerSecond).toFixed(2)}×`;
}

export function rows(results: Results, contenders: Contender[]): Row[] {
  const find = (query: string, contender: string) => results.measurements.find((m) => m.query === query && m.contender === contender);
  const out: Row[] = [];
  for (const q of results.queries) {
    for (const c of contenders) {
      const m = find(q.id, c.id);
      if (!m) continue;
      out.push({
        query: q.id,
        contender: c.label,
        rps: fixed(m.requestsPerSecond, m.requestsPerSecond < 100 ? 1 : 0) + (m.rounds ? ` (${m.rounds.join(" / ")})` : ""),
        p50: fixed(m.p50, 1),
        p99: fixed(m.p99, 1),
        p99OverP50: m.p50 > 0 ? fixed(m.p99 / m.p50, 1) : "–",
        sql: m.sqlStatements === null ? "n/a" : String(m.sqlStatements) + (c.cache !== "none" ? " (miss), 0 (hit)" : ""),
        vsFloor: ratio(m, find(q.id, `floor-${c.engine}`)),
        vsPostgraphile: ratio(m, find(q.id, "postgraphile")),
      });
    }
  }
  return out;
}

const HEADERS: Record<keyof Row, string> = {
  query: "query",
  contender: "contender",
  rps: "req/s",
  p50: "p50 ms",
  p99: "p99 ms",
  p99OverP50: "p99/p50",
  sql: "SQL/request",
  vsFloor: "÷ floor (same engine)",
  vsPostgraphile: "÷ PostGraphile",
};

export function textTable(table: Row[]): string {
  const keys = Object.keys(HEADERS) as (keyof Row)[];
  const widths = keys.map((k) => Math.max(HEADERS[k].length, ...table.map((r) => r[k].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(keys.map((k) => HEADERS[k])), widths.map((w) => "-".repeat(w)).join("  ")];
  let previous = "";
  for (const r of table) {
    if (previous && r.query !== previous) out.push("");
    previous = r.query;
    out.push(line(keys.map((k) => r[k])));
  }
  return out.join("\n");
}

export function markdownTable(table: Row[]): string {
  const keys = Object.keys(HEADERS) as (keyof Row)[];
  const out = [`| ${keys.map((k) => HEADERS[k]).join(" | ")} |`, `|${keys.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`];
  for (const r of table) out.push(`| ${keys.map((k) => r[k]).join(" | ")} |`);
  return out.join("\n");
}

/** The single process every topology's CPU is compared with: `npm start` as a user runs it, else the bench's gateway. */
const CPU_BASELINES = ["workers-1-sqlite", "gateway-sqlite"];

/**
 * CPU per request of each contender, every process together, and as a multiple of one
 * `npm start` process's on the same query: what a request costs the machines, which transfers
 * to several machines where req/s on one shared machine does not.
 */
export function cpuTable(results: Results, contenders: Contender[]): string {
  const find = (query: string, contender: string) => results.measurements.find((m) => m.query === query && m.contender === contender);
  const out = ["| query | contender | µs CPU / request, every process | × one process | by process (µs) |", "|---|---|---:|---:|---|"];
  for (const q of results.queries) {
    const baseline = CPU_BASELINES.map((id) => find(q.id, id)).find((m) => m?.cpu);
    for (const c of contenders) {
      const cpu = find(q.id, c.id)?.cpu;
      if (!cpu) continue;
      const times = baseline?.cpu ? `${(cpu.perRequest / baseline.cpu.perRequest).toFixed(2)}×` : "–";
      const parts = Object.entries(cpu.byProcess).filter(([, micros]) => micros > 0);
      out.push(`| ${q.id} | ${c.label} | ${cpu.perRequest} | ${times} | ${parts.length > 1 ? parts.map(([role, micros]) => `${role} ${micros}`).join(", ") : ""} |`);
    }
  }
  return out.join("\n");
}

/** The issue's goals, each checked against the figures of this run. */
export function goals(results: Results): string[] {
  const find = (query: string, contender: string) => results.measurements.find((m) => m.query === query && m.contender === contender);
  const out: string[] = [];
  const verdict = (ok: boolean) => (ok ? "MET" : "NOT MET");
  const heroPg = find("hero", "gateway-postgres");
  const heroPgl = find("hero", "postgraphile");
  if (heroPg && heroPgl) {
    const r = heroPg.requestsPerSecond / heroPgl.requestsPerSecond;
    out.push(`Hero query, gateway on PostgreSQL vs PostGraphile (neither caching): ${r.toFixed(2)}× its throughput (goal ≥ 1.1×): ${verdict(r >= 1.1)}`);
  }
  const heroKey = find("hero", "gateway-postgres-key");
  if (heroKey && heroPgl) {
    const r = heroKey.requestsPerSecond / heroPgl.requestsPerSecond;
    out.push(`Hero query, gateway on PostgreSQL with an API key vs PostGraphile (neither caching): ${r.toFixed(2)}× its throughput (goal ≥ 1.0×): ${verdict(r >= 1)}`);
  }
  const pointPg = find("point", "gateway-postgres");
  const pointPgl = find("point", "postgraphile");
  if (pointPg && pointPgl) {
    const r = pointPg.requestsPerSecond / pointPgl.requestsPerSecond;
    out.push(`Point lookup, gateway on PostgreSQL vs PostGraphile (neither caching): ${r.toFixed(2)}× its throughput (goal ≥ 1.1×): ${verdict(r >= 1.1)}`);
  }
  const heroSqlite = find("hero", "gateway-sqlite");
  const floor = find("hero", "floor-sqlite");
  if (heroSqlite && floor) {
    const r = floor.requestsPerSecond / heroSqlite.requestsPerSecond;
    out.push(`Hero query, gateway on SQLite vs SQL floor on SQLite (no cache): ${(1 / r).toFixed(2)}× the floor's throughput (goal ≥ 0.35×): ${verdict(1 / r >= 0.35)}`);
  }
  const cached = find("hero", "gateway-sqlite-cache");
  if (cached && floor) {
    const r = floor.requestsPerSecond / cached.requestsPerSecond;
    out.push(`Hero query, gateway with its in-memory response cache vs SQL floor on SQLite: ${(1 / r).toFixed(2)}× the floor's throughput (goal: floor ≤ 3× faster): ${verdict(r <= 3)} with the cache`);
  }
  const redis = find("hero", "gateway-postgres-redis");
  if (redis && heroPgl) {
    const r = redis.requestsPerSecond / heroPgl.requestsPerSecond;
    out.push(`Hero query, gateway with its Redis response cache on PostgreSQL vs PostGraphile (no cache): ${r.toFixed(2)}× its throughput (goal ≥ 1.0×): ${verdict(r >= 1)} with the cache`);
  }
  const naive = find("fan-out", "naive-sqlite");
  const batched = find("fan-out", "gateway-sqlite");
  if (naive?.sqlStatements != null && batched?.sqlStatements != null) {
    out.push(
      `Fan-out SQL statements: ${naive.sqlStatements} without DataLoader, ${batched.sqlStatements} with it: ${verdict(naive.sqlStatements >= 100 && batched.sqlStatements <= 10)}`,
    );
  }
  // Scale-out: the topology's CPU per request against one process's, and Hive Router's runtime against Hive Gateway's JavaScript one.
  for (const [query, bound] of [["hero", 2], ["point", 2.5]] as const) {
    const one = CPU_BASELINES.map((id) => find(query, id)).find((m) => m?.cpu);
    for (const [id, label] of [["hive-router-subgraph-processes-sqlite", "Hive Router's runtime"], ["hive-subgraph-processes-sqlite", "JavaScript runtime"]] as const) {
      const topology = find(query, id);
      if (!one?.cpu || !topology?.cpu) continue;
      const r = topology.cpu.perRequest / one.cpu.perRequest;
      out.push(`${query === "hero" ? "Hero query" : "Point lookup"}, CPU per request of the whole topology (Hive Gateway, ${label}, and the three subgraph processes) vs one npm start process: ${r.toFixed(2)}× (goal ≤ ${bound}×): ${verdict(r <= bound)}`);
    }
  }
  for (const [query, bound] of [["hero", 2], ["point", 1.5]] as const) {
    const router = find(query, "hive-router-subgraph-processes-sqlite");
    const javascript = find(query, "hive-subgraph-processes-sqlite");
    if (!router || !javascript) continue;
    const r = router.requestsPerSecond / javascript.requestsPerSecond;
    out.push(`${query === "hero" ? "Hero query" : "Point lookup"}, Hive Gateway on Hive Router's runtime vs its JavaScript runtime, same subgraph processes: ${r.toFixed(2)}× its throughput (goal ≥ ${bound}×): ${verdict(r >= bound)}`);
  }
  const tails = results.measurements.filter((m) => m.p50 > 0 && m.p99 > 5 * m.p50);
  const oursTails = tails.filter((m) => m.contender !== "postgraphile" && !m.contender.startsWith("floor"));
  out.push(
    `p99 ≤ 5× p50 at ${results.settings.connections} connections: ${oursTails.length === 0 ? "MET" : "NOT MET"} for our contenders` +
      (tails.length ? ` (over: ${tails.map((m) => `${m.contender}/${m.query} ${(m.p99 / m.p50).toFixed(1)}×`).join(", ")})` : " (and for every other contender)"),
  );
  return out;
}

export function markdownReport(results: Results, contenders: Contender[]): string {
  const m = results.machine;
  return `# Benchmark results

Written by \`npm run bench\` on ${results.date}. One run: every contender on the same machine, the same
data (the bundled seed), one after the other, each in its own process on loopback.${
    (results.settings.rounds ?? 1) > 1
      ? `\n${results.settings.rounds} rounds: the contenders took turns round after round; each line is the median round's figures, the req/s of every round in brackets.`
      : ""
  }

- Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}.
  Load average ${m.loadAverageBefore.join(" / ")} before the run${m.loadAverageAfter ? `, ${m.loadAverageAfter.join(" / ")} after` : ""}:
  other processes (other engineers' test suites) may have been running during the run.
- Load: autocannon, ${results.settings.connections} connections, one run per query and round: at least ${results.settings.warmup} s of warm-up (longer for slow
  queries, until every connection has queued behind the others: about 1.5 × connections × one request's time), then
  ${results.settings.duration} s whose responses are measured. The load generator shares the ${m.cores} cores with the server (and PostgreSQL).
- Every contender's answers were checked equal (after normalisation) before timing.
- SQL/request: statements one request issues (cache miss for the cached contenders; a hit issues none).
- ÷ floor: throughput over the hand-written-SQL floor on the same engine; ÷ PostGraphile: over PostGraphile's.
- Response caching: only the contenders named "response cache" have one; PostGraphile runs without any.

## Figures

${markdownTable(rows(results, contenders))}

${results.measurements.some((m) => m.cpu) ? `## CPU per request

Every process of the contender together (a topology: Hive Gateway or our gateway, and each subgraph process), over the
measured window, per response; "× one process": over \`npm start\`'s (1 worker) on the same query. The load generator's CPU is
not counted.

${cpuTable(results, contenders)}

` : ""}## Goals of the issues

${goals(results).map((g) => `- ${g}`).join("\n")}

## Queries

${results.queries.map((q) => `- \`${q.id}\`: ${q.title}`).join("\n")}
${results.skipped.length ? `\n## Skipped\n\n${results.skipped.map((s) => `- ${s.contender}: ${s.reason}`).join("\n")}\n` : ""}`;
}
