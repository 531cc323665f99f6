import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/database";
import { createLogger } from "../src/observability/logger";
import { Metrics } from "../src/observability/metrics";
import { startTracing } from "../src/observability/tracing";
import { startServer, type RunningServer } from "../src/server/start-server";
import { seedAll } from "../seeds/seed";
import { postGraphQL } from "./processes";

/**
 * `npm run bench:observability`: the hero query through the gateway over HTTP, one request at
 * a time, with the request log line only (baseline), then with metrics, then with metrics and
 * tracing (every request sampled, spans exported over OTLP/HTTP to a local sink). One run;
 * prints the mean time per request and the ratios.
 */
const HERO = { query: `query Hero { region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }` };
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 150);

/** Total milliseconds of `count` sequential hero queries. */
async function timed(server: RunningServer, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await postGraphQL(server.url, HERO);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts-bench-observability-"));
  const db = await openDatabase({ kind: "sqlite", path: path.join(dir, "bench.sqlite") });
  await seedAll(db.dataSource);
  // Log lines are written (to nowhere) in every configuration: they are always on in production.
  const logger = createLogger({ level: "info", destination: { write: () => {} } });
  const common = { db, mode: { kind: "gateway" } as const, port: 0, host: "127.0.0.1", logger };
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const plain = await startServer(common);
  const metrics = new Metrics(db);
  const withMetrics = await startServer({ ...common, metrics });
  try {
    // Warm both servers up, then alternate them round by round so that drift (JIT, the machine's
    // other load) falls on both alike. Tracing is global once started: it is measured last.
    await timed(plain, WARM_UP);
    await timed(withMetrics, WARM_UP);
    let plainMs = 0;
    let metricsTotal = 0;
    for (let round = 0; round < ROUNDS; round++) {
      plainMs += await timed(plain, PER_ROUND);
      metricsTotal += await timed(withMetrics, PER_ROUND);
    }
    const tracing = startTracing({ endpoint: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/v1/traces` });
    await timed(withMetrics, WARM_UP);
    let tracingTotal = 0;
    for (let round = 0; round < ROUNDS; round++) tracingTotal += await timed(withMetrics, PER_ROUND);
    await tracing.shutdown();
    const requests = ROUNDS * PER_ROUND;
    const [baseline, metricsMs, tracingMs] = [plainMs / requests, metricsTotal / requests, tracingTotal / requests];
    const f = (ms: number) => `${ms.toFixed(2)} ms`;
    process.stdout.write(
      [
        `hero query through the gateway, ${ROUNDS * PER_ROUND} sequential requests per configuration after ${WARM_UP} warm-up ones, one run (${os.cpus().length} cores, Node ${process.version})`,
        `  logs only (baseline):      ${f(baseline)}`,
        `  logs + metrics:            ${f(metricsMs)}   ratio ${(metricsMs / baseline).toFixed(3)}`,
        `  logs + metrics + tracing:  ${f(tracingMs)}   ratio ${(tracingMs / baseline).toFixed(3)} (tracing alone ${(tracingMs / metricsMs).toFixed(3)})`,
        "",
      ].join("\n"),
    );
  } finally {
    await plain.close();
    await withMetrics.close();
    metrics.close();
    sink.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
