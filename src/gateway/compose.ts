import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { ConfigError } from "../errors/errors";

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Composition failed: the message lists each composition error, one per line; a ConfigError, printed without a stack. */
export class CompositionError extends ConfigError {
  override name = "CompositionError";
  constructor(readonly errors: string[]) {
    super(`supergraph composition failed:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
  }
}

export interface Composed {
  supergraphSdl: string;
  /** Composition hints (not errors), e.g. a field whose types differ slightly between subgraphs. */
  hints: string[];
}

/** Composes subgraph SDLs into a supergraph with @apollo/composition, or throws CompositionError. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): Composed {
  const parsed = subgraphs.map((s) => {
    try {
      return { name: s.name, url: s.url, typeDefs: parse(s.sdl) };
    } catch (error) {
      throw new CompositionError([`subgraph "${s.name}" (${s.url}): its SDL does not parse: ${(error as Error).message}`]);
    }
  });
  const result = composeServices(parsed);
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}
