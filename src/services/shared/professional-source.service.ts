import type { RequestContext } from "../../context/request-context";
import type { ProfessionalSource } from "../../entities/shared/professional-source";
import { BadUserInputError } from "../../errors/errors";

/**
 * Of vintages listed oldest first, the latest that is `wanted` or starts with it ("2025" picks
 * the last 2025 extraction); the latest of all when none is wanted.
 */
export function pickVintage<T>(items: readonly T[], wanted: string | null | undefined, vintageOf: (item: T) => string): T | undefined {
  return wanted ? items.findLast((item) => vintageOf(item).startsWith(wanted)) : items[items.length - 1];
}

/**
 * The source id of a producer family at a vintage (the latest by default). An unknown vintage
 * is a client error that lists the ones available.
 */
export async function professionalSourceId(ctx: RequestContext, family: ProfessionalSource, vintage?: string | null): Promise<{ id: string; family: string[] }> {
  const vintages = (await ctx.loaders.professional.vintages()).get(family) ?? [];
  if (vintages.length === 0) throw new BadUserInputError(`no data loaded for source ${family}`);
  const chosen = pickVintage(vintages, vintage, (v) => v.vintage);
  if (!chosen) {
    throw new BadUserInputError(`vintage "${vintage}" of ${family} is not loaded (available: ${vintages.map((v) => v.vintage).join(", ")})`);
  }
  return { id: chosen.id, family: vintages.map((v) => v.id) };
}
