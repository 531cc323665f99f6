import type { QueryLimit } from "./errors";

/** graphql-armor reports its limits as syntax or validation errors; their messages name the limit. */
const ARMOR_LIMIT = /^Syntax Error: (Query depth limit|Aliases limit|Directives limit|Token limit)/;
const ARMOR_NAMES: Record<string, QueryLimit> = {
  "Query depth limit": "depth",
  "Aliases limit": "aliases",
  "Directives limit": "directives",
  "Token limit": "tokens",
};

/** The limit an error message reports, if it comes from graphql-armor. */
export function armorLimitOf(message: string): QueryLimit | null {
  const match = ARMOR_LIMIT.exec(message);
  return match ? ARMOR_NAMES[match[1]] : null;
}
