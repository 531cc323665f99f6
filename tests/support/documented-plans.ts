import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./processes";

/** One planner's plan of an example as docs/scale-out.md documents it. */
export interface DocumentedShape {
  fetches: number;
  /** "territories → care-offer → initiatives", as `describeSteps` (deploy/query-plans.ts) writes it. */
  steps: string;
}

export interface DocumentedPlan {
  apollo: DocumentedShape;
  hiveRouter: DocumentedShape;
}

const HEADING = "### The plan of each example";

/** The table under docs/scale-out.md's "The plan of each example", by example title (as `npm run topology:plans` prints it). */
export function documentedPlans(): Map<string, DocumentedPlan> {
  const text = fs.readFileSync(path.join(ROOT, "docs/scale-out.md"), "utf8");
  const from = text.indexOf(HEADING);
  if (from < 0) throw new Error(`docs/scale-out.md has no "${HEADING}" section`);
  const lines = text.slice(from).split("\n");
  const first = lines.findIndex((line) => line.startsWith("| example"));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith("|"));
  // The table's rows: after its header and separator, up to the first line that is not a row.
  const rows = lines.slice(first + 2, end < 0 ? undefined : end);
  const plans = new Map<string, DocumentedPlan>();
  for (const row of rows) {
    const [title, apolloFetches, apolloSteps, hiveFetches, hiveSteps] = row.split("|").slice(1, -1).map((cell) => cell.trim());
    plans.set(title, { apollo: { fetches: Number(apolloFetches), steps: apolloSteps }, hiveRouter: { fetches: Number(hiveFetches), steps: hiveSteps } });
  }
  return plans;
}

export function documentedPlan(title: string): DocumentedPlan {
  const plan = documentedPlans().get(title);
  if (!plan) throw new Error(`docs/scale-out.md documents no plan for the example "${title}"`);
  return plan;
}
