import { registerEnumType } from "type-graphql";

/** Producers of per-département professional counts; each may hold several vintages. */
export enum ProfessionalSource {
  DREES_RPPS = "DREES_RPPS",
  CNOM = "CNOM",
  CNAM_LIBERAUX = "CNAM_LIBERAUX",
}

registerEnumType(ProfessionalSource, {
  name: "ProfessionalSource",
  description: "Which producer's counts of health professionals to use.",
  valuesConfig: {
    DREES_RPPS: {
      description:
        "DREES, from the RPPS register: all doctors in activity (salaried and liberal), 15 specialty groups, headcounts and densities, 101 départements. Vintage inferred as 1 January 2022. The default.",
    },
    CNOM: {
      description:
        "CNOM (Ordre des médecins): densities of 47 specialties in 2010 and 2025 (regular activity), Mayotte absent. Not under an open licence (non-commercial copy).",
    },
    CNAM_LIBERAUX: {
      description:
        "CNAM (Assurance Maladie): liberal and mixed practitioners only, 38 professions (GPs, nurses, dentists, midwives, physiotherapists…), 2024.",
    },
  },
});

/** Source ids belonging to each producer family (a later import adds a vintage by adding an id). */
export const FAMILY_PATTERN: Record<ProfessionalSource, RegExp> = {
  [ProfessionalSource.DREES_RPPS]: /^drees-rpps-/,
  [ProfessionalSource.CNOM]: /^cnom-\d{4}$/,
  [ProfessionalSource.CNAM_LIBERAUX]: /^cnam-liberaux-/,
};

/** How each family labels general practitioners. */
export const GP_SPECIALTY: Record<ProfessionalSource, string> = {
  [ProfessionalSource.DREES_RPPS]: "01-Médecine générale",
  [ProfessionalSource.CNOM]: "Médecine générale",
  [ProfessionalSource.CNAM_LIBERAUX]: "Ensemble des médecins généralistes",
};

export function familyOf(sourceId: string): ProfessionalSource | null {
  for (const family of Object.values(ProfessionalSource)) if (FAMILY_PATTERN[family].test(sourceId)) return family;
  return null;
}
