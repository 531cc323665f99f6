import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner as ApolloQueryPlanner } from "@apollo/query-planner";
import { QueryPlanner as HiveRouterQueryPlanner } from "@graphql-hive/router-query-planner";
import { parse } from "graphql";

/**
 * How a gateway splits an operation into subgraph fetches, computed without running anything:
 * the query plan of Apollo's planner (`@apollo/query-planner`, what our gateway and Apollo
 * Router use) and of Hive Router's (`@graphql-hive/router-query-planner`, what Hive Gateway
 * uses with `--hive-router-runtime`) on the same supergraph. Hive Gateway's JavaScript runtime
 * plans on its own (graphql-tools' federation): tests/scale-out counts its fetches on real
 * processes instead.
 */

/** The shape of a plan: its fetches, grouped in the steps that must follow one another. */
export interface PlanShape {
  /** Subgraph requests the plan makes. */
  fetches: number;
  /** Each step's fetches (subgraph names, sorted), which run in parallel; a step waits for the one before. */
  steps: string[][];
}

/** The plan nodes both planners produce, as far as the shape goes (BatchFetch: Hive Router's fetch of several entity lists at once). */
type PlanNode =
  | { kind: "Fetch" | "BatchFetch"; serviceName: string }
  | { kind: "Sequence" | "Parallel"; nodes: PlanNode[] }
  | { kind: "Flatten"; node: PlanNode }
  | { kind: "Condition"; ifClause?: PlanNode; elseClause?: PlanNode }
  | { kind: "Defer"; primary: { node?: PlanNode }; deferred: { node?: PlanNode }[] }
  | { kind: "Subscription"; primary: PlanNode; rest?: PlanNode };

/** Steps of a node: a sequence's follow one another, a parallel's children run side by side (their i-th steps together). */
function steps(node: PlanNode | undefined): string[][] {
  if (!node) return [];
  switch (node.kind) {
    case "Fetch":
    case "BatchFetch":
      return [[node.serviceName]];
    case "Flatten":
      return steps(node.node);
    case "Sequence":
      return node.nodes.flatMap(steps);
    case "Parallel":
      return sideBySide(node.nodes.map(steps));
    case "Condition":
      // Either branch runs, never both: counted side by side, an upper bound.
      return sideBySide([steps(node.ifClause), steps(node.elseClause)]);
    case "Defer":
      return [...steps(node.primary.node), ...sideBySide(node.deferred.map((d) => steps(d.node)))];
    case "Subscription":
      return [...steps(node.primary), ...steps(node.rest)];
  }
}

function sideBySide(branches: string[][][]): string[][] {
  const depth = Math.max(0, ...branches.map((b) => b.length));
  return Array.from({ length: depth }, (_, i) => branches.flatMap((b) => b[i] ?? []).sort());
}

function shapeOf(root: PlanNode | undefined): PlanShape {
  const all = steps(root);
  return { fetches: all.reduce((n, step) => n + step.length, 0), steps: all };
}

/** "territories → care-offer → initiatives + territories": the steps in order, a step's parallel fetches joined by "+". */
export function describeSteps(shape: PlanShape): string {
  return shape.steps.map((step) => step.join(" + ")).join(" → ");
}

/** Plans operations on one supergraph with both planners; each planner is built once. */
export class PlanInspector {
  private readonly supergraph: Supergraph;
  private readonly apollo: ApolloQueryPlanner;
  private readonly hiveRouter: HiveRouterQueryPlanner;

  constructor(supergraphSdl: string) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.apollo = new ApolloQueryPlanner(this.supergraph);
    this.hiveRouter = new HiveRouterQueryPlanner(supergraphSdl);
  }

  /** Apollo's planner: our gateway's plan when the subgraphs run elsewhere, and Apollo Router's. */
  apolloPlan(query: string, operationName?: string): PlanShape {
    const operation = operationFromDocument(this.supergraph.schema, parse(query), { operationName });
    return shapeOf(this.apollo.buildQueryPlan(operation).node as PlanNode | undefined);
  }

  /** Hive Router's planner: Hive Gateway's plan with `--hive-router-runtime`. */
  hiveRouterPlan(query: string, operationName?: string): PlanShape {
    return shapeOf(this.hiveRouter.plan(query, operationName ?? null, new Set(), 0).node as PlanNode | undefined);
  }
}
