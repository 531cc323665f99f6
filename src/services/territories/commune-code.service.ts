import type { RequestContext } from "../../context/request-context";
import type { Commune } from "../../entities/territories/commune.entity";

/**
 * The commune of an INSEE code, current or former: a current code answers its commune (one
 * statement, as before); a code of a commune merged since answers the commune it was merged
 * into, marked with `formerCodeGiven`; a code no commune ever had answers null.
 */
export async function communeByCode(ctx: RequestContext, code: string): Promise<Commune | null> {
  const current = await ctx.loaders.commune.byCode.load(code);
  return current ?? ctx.loaders.commune.byFormerCode.load(code);
}

/** Current codes of communes given by current or former codes, in the order given; null for a code no commune ever had. */
export async function currentCommuneCodes(ctx: RequestContext, codes: readonly string[]): Promise<(string | null)[]> {
  const communes = await Promise.all(codes.map((code) => communeByCode(ctx, code)));
  return communes.map((c) => c?.code ?? null);
}
