import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType, visit } from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "../../config/pagination";
import { QueryTooComplexError } from "../../errors/errors";

/**
 * Typical lengths of the lists the API returns, from the data (average per parent): the cost of
 * a query is close to the number of objects it returns. Lists not named here count 20.
 */
export const TYPICAL_LIST_LENGTH: Record<string, number> = {
  "Query.regions": 18,
  "Query.departments": 101,
  "Query.zonesRouges": 68,
  "Query.indicators": 60,
  "Query.searchTerritories": 10,
  "Region.departments": 6,
  "Region.epcis": 75,
  "Region.zonesRouges": 10,
  "Department.epcis": 14,
  "Department.zonesRouges": 2,
  "Department.professionals": 16,
  "Epci.communes": 27,
  "Epci.departments": 1,
  "Initiative.carriers": 2,
  "Initiative.communes": 1,
  "Initiative.epcis": 1,
  "Initiative.departments": 1,
  "Measure.history": 10,
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * A field costs 1 plus its children, times its length when it returns a list: `first` for a
 * connection (as in GitHub's and Shopify's APIs), the typical length otherwise. Scalars cost nothing.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  // Introspection is bounded by the schema itself; its limit is the switch to turn it off.
  if (!isObjectType(named) || named.name.startsWith("__")) return 0;
  if (named.name.endsWith("Connection")) {
    const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * Math.max(first, 1);
  }
  if (named.name.endsWith("Edge")) return childComplexity;
  const length = isList(field.type) ? (TYPICAL_LIST_LENGTH[`${type.name}.${field.name}`] ?? 20) : 1;
  return length * (1 + childComplexity);
};

/**
 * The variables a document's cost can depend on: those inside a `first` argument (page sizes)
 * or a directive (`@include`/`@skip` drop whole selections). Other variables (codes, SIRENs,
 * cursors) never change the estimate.
 */
export function variablesAffectingCost(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(document, {
    VariableDefinition: () => false, // a definition is not a use
    Argument(argument) {
      if (argument.name.value === "first") collect(argument.value);
    },
    Directive(directive) {
      for (const argument of directive.arguments ?? []) collect(argument.value);
    },
  });
  return [...names].sort();
}

/** Estimates per parsed document (Apollo Server keeps one object per operation text), by the values that matter. */
class CostMemo {
  private readonly byDocument = new WeakMap<DocumentNode, { inputs: string[]; costs: Map<string, number> }>();

  cost(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, compute: () => number): number {
    let memo = this.byDocument.get(document);
    if (!memo) this.byDocument.set(document, (memo = { inputs: variablesAffectingCost(document), costs: new Map() }));
    const key = JSON.stringify([operationName ?? null, ...memo.inputs.map((name) => variables[name] ?? null)]);
    let cost = memo.costs.get(key);
    if (cost === undefined) {
      cost = compute();
      if (memo.costs.size >= 100) memo.costs.clear(); // a client cycling through page sizes
      memo.costs.set(key, cost);
    }
    return cost;
  }
}

/**
 * Refuses, before execution, operations whose estimated cost exceeds `maxCost` (QUERY_TOO_COMPLEX,
 * HTTP 400), and tells the client every operation's cost against the limit in the answer's
 * `extensions.cost` (`{ "requested": 412, "limit": 60000 }`), as Shopify's and GitHub's APIs do.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const memo = new CostMemo();
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          if (!operation) return; // answered by operationInputPlugin
          const variables = request.variables ?? {};
          const operationName = operation.name?.value;
          const cost = memo.cost(document, operationName, variables, () => getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] }));
          if (cost > maxCost) {
            throw new QueryTooComplexError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists`, "cost", { cost, maxCost });
          }
          requested = cost;
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested, limit: maxCost } };
        },
      };
    },
  };
}
