import fs from "node:fs";

/**
 * The CPU a contender spends, counted over every process it is made of: a topology's launcher
 * (bench/serve-topology.ts) starts the gateway and each subgraph as processes of their own, and
 * a request costs the machine time of all of them. Read from /proc (Linux): user + system time,
 * every thread included (SQLite's read worker, libuv's pool, Hive Router's planner).
 */

/** One process of a contender, named by its role in the topology. */
export interface ProcessCpu {
  pid: number;
  /** "Hive Gateway", "subgraph territories", "gateway (npm start)"… from its command line. */
  role: string;
  /** User + system CPU so far, in microseconds. */
  cpuMicros: number;
}

/** Clock ticks of /proc/PID/stat (USER_HZ): 100 a second on Linux. */
const MICROS_PER_TICK = 10_000;

function stat(pid: number): { ppid: number; cpuMicros: number } | null {
  try {
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis are fixed.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { ppid: Number(fields[1]), cpuMicros: (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK };
  } catch {
    return null; // ended between the listing and the read
  }
}

/** What a process is, from its arguments: the roles bench/serve-topology.ts and bench/serve-ours.ts start. */
export function roleOf(argv: string[]): string {
  const subgraph = argv.indexOf("--subgraph");
  if (subgraph >= 0) return `subgraph ${argv[subgraph + 1]}`;
  if (argv.some((a) => a.includes("@graphql-hive/gateway"))) return "Hive Gateway";
  if (argv.some((a) => a.endsWith("serve-topology.js"))) return "launcher";
  if (argv.some((a) => a.endsWith("main.js"))) return argv.includes("--workers") ? "npm start --workers" : "npm start";
  if (argv.some((a) => a.endsWith("serve-ours.js"))) return "npm start (bench)";
  return argv.slice(0, 2).join(" ");
}

function argvOf(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((a) => a !== "");
  } catch {
    return [];
  }
}

/** `root` and every process descended from it, each with its CPU so far. */
export function processTree(root: number): ProcessCpu[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s) parents.set(Number(entry), s.ppid);
  }
  const members = new Set([root]);
  // Parents may be listed after their children: repeat until no process joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!members.has(pid) && members.has(ppid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  const out: ProcessCpu[] = [];
  for (const pid of members) {
    const s = stat(pid);
    if (s) out.push({ pid, role: roleOf(argvOf(pid)), cpuMicros: s.cpuMicros });
  }
  return out;
}

/** CPU of a whole tree so far, in microseconds. */
export function treeCpuMicros(root: number): number {
  return processTree(root).reduce((sum, p) => sum + p.cpuMicros, 0);
}

/** Each process's CPU between two readings of the same tree (a process that ended is left out), by role. */
export function cpuBetween(before: ProcessCpu[], after: ProcessCpu[]): Map<string, number> {
  const start = new Map(before.map((p) => [p.pid, p.cpuMicros]));
  const byRole = new Map<string, number>();
  for (const p of after) {
    const spent = p.cpuMicros - (start.get(p.pid) ?? 0);
    byRole.set(p.role, (byRole.get(p.role) ?? 0) + spent);
  }
  return byRole;
}
