import { createHash } from "node:crypto";
import fs from "node:fs";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { getVariableValues, type ValidationRule } from "graphql";
import type { Limits } from "../../config/limits";
import { BadUserInputError, OperationNotAllowedError, OperationResolutionError } from "../../errors/errors";
import { queryCostPlugin } from "./query-cost";

export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * Limits on the operation itself, checked before anything runs: graphql-armor for depth,
 * aliases, directives and tokens (and no field suggestions once introspection is off), our
 * cost estimate, and the optional allow-list.
 */
export function queryLimits(limits: Limits): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's token plugin throws from parsingDidStart, which Apollo answers with a 500; the
    // token limit runs as HTTP middleware instead (token-limit.middleware.ts).
    maxTokens: { enabled: false },
    costLimit: { enabled: false }, // our estimate multiplies by page sizes, armor's does not
    blockFieldSuggestion: { enabled: !limits.introspection },
  }).protect();
  const plugins = [operationInputPlugin(), ...armor.plugins, queryCostPlugin(limits.maxCost)];
  if (limits.allowListFile) plugins.push(allowListPlugin(loadAllowList(limits.allowListFile)));
  return { plugins, validationRules: armor.validationRules };
}

/**
 * An `operationName` that names no operation of the document, or variables of the wrong type,
 * are client errors. Without a gateway, Apollo Server reports them; with one, it hands the
 * request on and the gateway's executor throws, which Apollo answers with a 500. This checks
 * both first (OPERATION_RESOLUTION_FAILURE, 400; BAD_USER_INPUT, 422), whichever executes.
 */
export function operationInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : "Must provide operation name if query contains multiple operations.";
            throw new OperationResolutionError(message);
          }
          if (!operation.variableDefinitions?.length) return; // nothing to coerce (most requests)
          const coerced = getVariableValues(schema, operation.variableDefinitions, request.variables ?? {}, { maxErrors: 10 });
          if (coerced.errors) {
            throw new BadUserInputError(coerced.errors.map((e) => e.message).join("; "));
          }
        },
      };
    },
  };
}

/** Hash of an operation as Apollo's persisted queries compute it: SHA-256 of the exact text. */
export function operationHash(query: string): string {
  return createHash("sha256").update(query).digest("hex");
}

/** The allow-list file: a JSON array of operation texts (or of their SHA-256 hashes). */
export function loadAllowList(file: string): Set<string> {
  const entries: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(entries) || !entries.every((e) => typeof e === "string")) {
    throw new Error(`ALLOWLIST_FILE ${file} must hold a JSON array of operation texts or SHA-256 hashes`);
  }
  return new Set(entries.map((e) => (/^[0-9a-f]{64}$/.test(e) ? e : operationHash(e))));
}

/** Allow-list mode: only operations whose text hashes to a listed hash run (OPERATION_NOT_ALLOWED, HTTP 403 otherwise). */
export function allowListPlugin(allowed: Set<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // Apollo Server has hashed the text already (SHA-256, as operationHash), or checked a persisted query's hash against it.
        async didResolveOperation({ queryHash }) {
          if (!allowed.has(queryHash)) {
            throw new OperationNotAllowedError();
          }
        },
      };
    },
  };
}
