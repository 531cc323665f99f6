import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/database";
import { startServer } from "../src/server/start-server";
import { seedAll } from "../seeds/seed";

/**
 * `npm run bench:exports`: all 34,875 communes as CSV (and as GeoJSON), each on a fresh server
 * so that no cached copy answers, on a seeded SQLite file. The client reads the body chunk by
 * chunk and drops it, so the memory sampled (every 5 ms, after a forced GC before the request)
 * is the server's. Prints the time to the last byte, the size, and the peak growth of RSS and
 * of the JS heap over the idle server. Run with --expose-gc (the npm script does).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MB = 1024 * 1024;

async function measure(db: Awaited<ReturnType<typeof openDatabase>>, route: string) {
  const server = await startServer({ db, mode: { kind: "gateway" }, port: 0, host: "127.0.0.1" });
  try {
    // Warm the route's code paths and the contours on a small request, then start from a collected heap.
    await (await fetch(`${server.url.replace(/\/graphql$/, "")}${route.replace(/\?.*$/, "")}?department=46`)).arrayBuffer();
    (globalThis as { gc?: () => void }).gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 5);
    const started = performance.now();
    const res = await fetch(`${server.url.replace(/\/graphql$/, "")}${route}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const ms = performance.now() - started;
    clearInterval(sampler);
    return { ms, bytes, rssGrowthMb: (peakRss - base.rss) / MB, heapGrowthMb: (peakHeap - base.heapUsed) / MB };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts-bench-exports-"));
  const db = await openDatabase({ kind: "sqlite", path: path.join(dir, "bench.sqlite") });
  await seedAll(db.dataSource);
  try {
    for (const route of ["/exports/communes.csv", "/exports/communes.geojson"]) {
      for (let round = 1; round <= ROUNDS; round++) {
        const r = await measure(db, route);
        console.log(`${route} round ${round}: ${r.ms.toFixed(0)} ms, ${(r.bytes / MB).toFixed(1)} MB, RSS +${r.rssGrowthMb.toFixed(1)} MB, heap +${r.heapGrowthMb.toFixed(1)} MB`);
      }
    }
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
