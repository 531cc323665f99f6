import fs from "node:fs";

/**
 * Turns a V8 CPU profile (`node --cpu-prof`) of a server under load into a table of where the
 * microseconds of one request go. Each sample is charged to the innermost frame of its stack
 * that a rule below recognises (so time in graphql-js called by Apollo Server counts as GraphQL,
 * and a JSON.stringify called from anywhere counts as serialisation); idle time is left out.
 */

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const CATEGORIES = [
  "HTTP and body parsing",
  "middlewares (auth, limits, observability)",
  "async context (AsyncLocalStorage hooks)",
  "Apollo Server pipeline",
  "parse / validate / cost",
  "query planning",
  "plan execution (gateway)",
  "GraphQL execution (graphql-js, graphql-jit)",
  "resolvers and loaders",
  "SQL (driver, TypeORM)",
  "JSON serialisation",
  "GC",
  "other / native",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** First matching rule wins, for the innermost frame that any rule matches. */
const RULES: [Category, (f: CallFrame) => boolean][] = [
  ["GC", (f) => f.functionName === "(garbage collector)"],
  ["JSON serialisation", (f) => f.functionName === "stringify" && f.url === "" || /prettyJSONStringify/.test(f.functionName)],
  ["async context (AsyncLocalStorage hooks)", (f) => /node:internal\/async_hooks|node:async_hooks|async_context_frame|async_local_storage/.test(f.url)],
  ["SQL (driver, TypeORM)", (f) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|better-sqlite3|typeorm)\//.test(f.url)],
  ["query planning", (f) => /node_modules\/@apollo\/(query-planner|federation-internals)\//.test(f.url)],
  ["plan execution (gateway)", (f) => /node_modules\/@apollo\/gateway\//.test(f.url)],
  ["parse / validate / cost", (f) => /graphql\/(language|validation)\/|graphql-query-complexity|graphql-armor|security\/query-(cost|limits)|compiled-operations/.test(f.url)],
  ["resolvers and loaders", (f) => /\/(src|dist\/src)\/(loaders|services|resolvers|schema|db|validation|entities)\/|node_modules\/(dataloader|type-graphql|class-validator|class-transformer)\//.test(f.url)],
  ["GraphQL execution (graphql-js, graphql-jit)", (f) => /node_modules\/(graphql|graphql-jit|@graphql-tools|fast-json-stringify)\//.test(f.url)],
  ["Apollo Server pipeline", (f) => /node_modules\/@apollo\/(server|utils\.[a-z]+)\//.test(f.url)],
  [
    "middlewares (auth, limits, observability)",
    (f) =>
      /node_modules\/(express|router|body-parser|raw-body|@as-integrations|rate-limiter-flexible|prom-client|pino|@opentelemetry|lru-cache|negotiator|accepts|type-is|content-type|qs|send|finalhandler|cors|on-finished)\/|\/(src|dist\/src)\/(server|auth|observability|cache|context|gateway|errors|config)\//.test(
        f.url,
      ),
  ],
  ["HTTP and body parsing", (f) => /node:(_http|http|net|internal\/http|internal\/streams|stream|internal\/stream_base|string_decoder|buffer|zlib)/.test(f.url) || f.functionName === "parse" && f.url === ""],
];

const IDLE = new Set(["(idle)"]);

export interface ProfileTable {
  /** CPU microseconds (not idle) per category, summed over the profile. */
  micros: Record<Category, number>;
  totalMicros: number;
  idleMicros: number;
}

/** `skipMicros`: samples in the first microseconds of the profile (the server's start-up) are left out. */
export function summarise(profile: CpuProfile, skipMicros = 0): ProfileTable {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const sqlRule = RULES.find(([category]) => category === "SQL (driver, TypeORM)")![1];
  const underSqlDriver = (id: number): boolean => {
    for (let at: number | undefined = parent.get(id); at !== undefined; at = parent.get(at)) if (sqlRule(byId.get(at)!.callFrame)) return true;
    return false;
  };
  const categoryOf = new Map<number, Category | "idle">();
  const classify = (id: number): Category | "idle" => {
    const known = categoryOf.get(id);
    if (known) return known;
    let result: Category | "idle" = "other / native";
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (IDLE.has(frame.functionName)) {
        result = "idle";
        break;
      }
      const rule = RULES.find(([, matches]) => matches(frame));
      if (rule) {
        result = rule[0];
        // Sockets and streams serve both HTTP and the database: a socket write under pg is SQL.
        if (result === "HTTP and body parsing" && underSqlDriver(at)) result = "SQL (driver, TypeORM)";
        break;
      }
    }
    categoryOf.set(id, result);
    return result;
  };
  const micros = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let idleMicros = 0;
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's delta is the time since the previous one: charge it to this sample's stack.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    elapsed += profile.timeDeltas[i] ?? 0;
    if (elapsed < skipMicros) continue;
    const category = classify(profile.samples[i]);
    if (category === "idle") idleMicros += delta;
    else micros[category] += delta;
  }
  const totalMicros = Object.values(micros).reduce((a, b) => a + b, 0);
  return { micros, totalMicros, idleMicros };
}

/** A Markdown table: µs per request and share of the CPU, per category. */
export function markdownTable(table: ProfileTable, requests: number): string {
  const lines = ["| where | µs / request | share |", "|---|---:|---:|"];
  for (const category of CATEGORIES) {
    const us = table.micros[category];
    if (us === 0) continue;
    lines.push(`| ${category} | ${(us / requests).toFixed(0)} | ${((100 * us) / table.totalMicros).toFixed(1)} % |`);
  }
  lines.push(`| **total CPU** | **${(table.totalMicros / requests).toFixed(0)}** | 100 % |`);
  return lines.join("\n");
}

/** `node dist/bench/profile-table.js FILE.cpuprofile REQUESTS [SKIP_SECONDS]`: prints the table of a profile. */
if (require.main === module) {
  const [file, requests, skipSeconds] = process.argv.slice(2);
  if (!file || !requests) {
    process.stderr.write("usage: node dist/bench/profile-table.js FILE.cpuprofile REQUESTS [SKIP_SECONDS]\n");
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  process.stdout.write(`${markdownTable(summarise(profile, Number(skipSeconds ?? 0) * 1e6), Number(requests))}\n`);
}
