import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import type { RequestHandler } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../../errors/errors";
import { sendRequestError } from "./authenticate.middleware";

/**
 * Refuses documents of more than `maxTokens` lexical tokens before Apollo parses them, with
 * graphql-armor's counting lexer (QUERY_TOO_COMPLEX, HTTP 400). Syntax errors are left to
 * Apollo's own parse step.
 */
export function tokenLimit(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const query = typeof req.body?.query === "string" ? req.body.query : typeof req.query.query === "string" ? req.query.query : undefined;
    if (query !== undefined) {
      try {
        new MaxTokensParserWLexer(query, { n: maxTokens }).parseDocument();
      } catch (error) {
        if (error instanceof GraphQLError && /^Syntax Error: Token limit/.test(error.message)) {
          return sendRequestError(res, 400, ErrorCode.QUERY_TOO_COMPLEX, error.message.replace(/^Syntax Error: /, ""), { limit: "tokens" });
        }
      }
    }
    next();
  };
}
