// Loaded first: the entities are type-graphql classes, whose decorators need it.
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PROJECT_ROOT } from "../src/config/project-root";
import { createRequestContext } from "../src/context/request-context";
import { openDatabase } from "../src/db/database";
import { createMapAnswers } from "../src/maps/map-answer";
import { seedIfEmpty } from "../seeds/seed";

/**
 * `npm run bench:maps`: how long the maps take to draw and how big they are, on the bundled
 * data (SQLite, seeded once in bench/tmp/maps.sqlite). Prints a Markdown table; docs/maps.md
 * keeps a run's figures. Not a test: nothing here fails on a slow machine.
 *
 * Three times per map: "first after start" (the first map a freshly started process draws, its
 * modules loaded and its database open as a server's are: reading the contour file, projecting,
 * building the topology, then the figures and the drawing), "first render"
 * (a running server's first answer for this data version: outlines already prepared, figures
 * and drawing computed; the median of 3), and "kept" (the same request again, from the cache).
 */
const DATABASE = path.join(PROJECT_ROOT, "bench", "tmp", "maps.sqlite");
const CASES = [
  "epcis.svg?measure=zonesRouges",
  "epcis.png?measure=zonesRouges",
  "epcis.svg?measure=apl",
  "epcis.svg?measure=zonesRouges&region=76",
  "communes.svg?measure=apl&region=76",
  "communes.png?measure=apl&region=76",
  "communes.svg?measure=apl&region=44",
  "communes.svg?measure=apl&departement=46",
  "communes.png?measure=apl",
  "communes.svg?measure=apl",
  "departements.svg?measure=gpDensity",
  "departements.png?measure=gpDensity",
  "epcis.html?measure=zonesRouges",
  "epcis.json?measure=apl",
];

async function render(answer: ReturnType<typeof createMapAnswers>, db: Awaited<ReturnType<typeof openDatabase>>, request: string): Promise<{ ms: number; bytes: number }> {
  const [name, query] = request.split("?");
  const start = performance.now();
  const { body } = await answer(createRequestContext(db), name, Object.fromEntries(new URLSearchParams(query)));
  return { ms: performance.now() - start, bytes: typeof body === "string" ? Buffer.byteLength(body) : body.byteLength };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const only = process.argv.indexOf("--cold");
  const db = await openDatabase({ kind: "sqlite", path: DATABASE });
  try {
    if (only >= 0) {
      // A child process: the first map of a fresh process, printed as JSON for the parent. A server
      // has its database open and its modules loaded before its first request: so has this one.
      await db.query("SELECT COUNT(*) FROM epci");
      const result = await render(createMapAnswers(), db, process.argv[only + 1]);
      process.stdout.write(JSON.stringify(result));
      return;
    }
    if (await seedIfEmpty(db.dataSource)) process.stderr.write(`seeded ${DATABASE}\n`);
    const rows: string[] = ["| map | bytes | first after start ms | first render ms (median of 3) | kept ms |", "|---|---:|---:|---:|---:|"];
    for (const request of CASES) {
      const cold = JSON.parse(execFileSync(process.execPath, [__filename, "--cold", request], { encoding: "utf8" })) as { ms: number; bytes: number };
      const firsts: number[] = [];
      let kept = 0;
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        // A new answer cache: what a running server does after an import changed the data version.
        const answer = createMapAnswers();
        const first = await render(answer, db, request);
        firsts.push(first.ms);
        bytes = first.bytes;
        kept = (await render(answer, db, request)).ms;
      }
      rows.push(`| \`/maps/${request}\` | ${bytes.toLocaleString("en-US")} | ${Math.round(cold.ms)} | ${Math.round(median(firsts))} | ${kept.toFixed(1)} |`);
      process.stderr.write(`${rows[rows.length - 1]}\n`);
    }
    process.stdout.write(`${rows.join("\n")}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
