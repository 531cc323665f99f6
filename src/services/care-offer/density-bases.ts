import type { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { DensityBase } from "../../entities/care-offer/density-base.type";
import { familyOf, ProfessionalSource } from "../../entities/shared/professional-source";

/**
 * CNAM divides these professions by the population they serve, not by all inhabitants. The file
 * does not say so: its France rows imply a base of about 11.5 million for pédiatres, 29.6 million
 * for gynécologues and 14.5 million for sages-femmes, against 68.6 million for every other
 * profession (headcount ÷ density × 100,000). See docs/data-provenance.md.
 */
export const CNAM_DENSITY_BASES: Readonly<Record<string, string>> = {
  "Pédiatres": "children under 15",
  "Gynécologues médicaux et obstétriciens": "women aged 15 or more",
  "Sages-femmes": "women aged 15 to 49",
};

const INHABITANTS = "inhabitants";
const NOT_STATED = "not stated";

/** Which base a family's density of one specialty divides by, with whether the producer states it. */
export function densityBaseKind(family: ProfessionalSource | null, specialty: string): { population: string; stated: boolean; note: string } | null {
  switch (family) {
    case ProfessionalSource.DREES_RPPS:
      return { population: INHABITANTS, stated: true, note: "DREES densities per 100,000 inhabitants, every specialty group on the same population." };
    case ProfessionalSource.CNAM_LIBERAUX: {
      const special = CNAM_DENSITY_BASES[specialty];
      return {
        population: special ?? INHABITANTS,
        stated: false,
        note: special
          ? "Not stated in the CNAM file: its France row implies a base far smaller than the population (about 11.5 million for pédiatres, 29.6 million for gynécologues, 14.5 million for sages-femmes, against 68.6 million)."
          : "Not stated in the CNAM file: its France row implies the whole population (about 68.6 million).",
      };
    }
    case ProfessionalSource.CNOM:
      return {
        population: NOT_STATED,
        stated: false,
        note: "CNOM publishes densities only, without headcounts or the population it divides by; some specialties read as per child (pédiatrie: 296 per 100,000 in Paris). Compare values of one specialty only.",
      };
    default:
      return null;
  }
}

/** The base of a stat's density; null when it has no density. */
export function densityBaseOf(stat: ProfessionalStat): DensityBase | null {
  if (stat.densityPer100k === null) return null;
  const kind = densityBaseKind(familyOf(stat.sourceId), stat.specialty);
  if (!kind) return null;
  return Object.assign(new DensityBase(), {
    population: kind.population,
    statedByProducer: kind.stated,
    impliedSize: stat.headcount !== null && stat.densityPer100k > 0 ? Math.round((stat.headcount / stat.densityPer100k) * 100000) : null,
    note: kind.note,
  });
}
