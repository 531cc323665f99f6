import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { GraphQLError } from "graphql";
import { LRUCache } from "lru-cache";
import { QueryTooComplexError } from "../../errors/errors";

/**
 * Refuses documents of more than `maxTokens` lexical tokens before Apollo parses them, with
 * graphql-armor's counting lexer (QUERY_TOO_COMPLEX, HTTP 400). Syntax errors are left to
 * Apollo's own parse step. Texts already counted within the limit are remembered (up to 4 MB of
 * them): clients send the same operations again and again, and counting means a full parse.
 */
export function createTokenLimit(maxTokens: number): (query: string | undefined) => void {
  const withinLimit = new LRUCache<string, true>({ maxSize: 4_000_000, sizeCalculation: (_value, query) => Math.max(query.length, 1) });
  return (query) => {
    if (query === undefined || withinLimit.has(query)) return;
    try {
      new MaxTokensParserWLexer(query, { n: maxTokens }).parseDocument();
      withinLimit.set(query, true);
    } catch (error) {
      if (error instanceof GraphQLError && /^Syntax Error: Token limit/.test(error.message)) {
        throw new QueryTooComplexError(error.message.replace(/^Syntax Error: /, ""), "tokens");
      }
    }
  };
}
