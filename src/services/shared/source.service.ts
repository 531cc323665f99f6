import type { RequestContext } from "../../context/request-context";
import type { Source } from "../../entities/shared/source.entity";

/** Loads a source that a row points to; a dangling id is a data bug, not a client error. */
export async function sourceOf(ctx: RequestContext, id: string): Promise<Source> {
  const source = await ctx.loaders.source.byId.load(id);
  if (!source) throw new Error(`missing source row "${id}"`);
  return source;
}
