import { registerEnumType } from "type-graphql";

/** Producers of per-département professional counts; each may hold several vintages. */
export enum ProfessionalSource {
  DREES_RPPS = "DREES_RPPS",
  CNOM = "CNOM",
  CNAM_LIBERAUX = "CNAM_LIBERAUX",
  ANS_RPPS = "ANS_RPPS",
}

registerEnumType(ProfessionalSource, {
  name: "ProfessionalSource",
  description: "Which producer's counts of health professionals to use.",
  valuesConfig: {
    DREES_RPPS: {
      description:
        "DREES, from the RPPS register: all doctors in activity (salaried and liberal), by specialty group, headcounts and densities per 100,000 inhabitants, per département. Vintage inferred (see the source). The default.",
    },
    CNOM: {
      description:
        "CNOM (Ordre des médecins): densities by specialty and département (regular activity), no headcounts, for each vintage loaded; Mayotte absent. Not under an open licence (non-commercial copy).",
    },
    CNAM_LIBERAUX: {
      description:
        "CNAM (Assurance Maladie): liberal and mixed practitioners only, by profession (GPs, nurses, dentists, midwives, physiotherapists…), with the producer's own région and France figures. Densities divide some professions by the population they serve (see densityBase).",
    },
    ANS_RPPS: {
      description:
        "The national RPPS register itself (Annuaire santé open-data extraction, once imported with `npm run import -- rpps`): every " +
        "profession registered (doctors by specialty, nurses, pharmacists…), headcounts of distinct professionals with an activity " +
        "in the département; no densities. Vintage = extraction date.",
    },
  },
});

/** Source ids belonging to each producer family (a later import adds a vintage by adding an id). */
export const FAMILY_PATTERN: Record<ProfessionalSource, RegExp> = {
  [ProfessionalSource.DREES_RPPS]: /^drees-rpps-/,
  [ProfessionalSource.CNOM]: /^cnom-\d{4}$/,
  [ProfessionalSource.CNAM_LIBERAUX]: /^cnam-liberaux-/,
  [ProfessionalSource.ANS_RPPS]: /^ans-rpps-/,
};

/** How each family labels general practitioners. */
export const GP_SPECIALTY: Record<ProfessionalSource, string> = {
  [ProfessionalSource.DREES_RPPS]: "01-Médecine générale",
  [ProfessionalSource.CNOM]: "Médecine générale",
  [ProfessionalSource.CNAM_LIBERAUX]: "Ensemble des médecins généralistes",
  // The register's label (see rppsSpecialtyLabel in seeds/importers/rpps-extraction.importer.ts).
  [ProfessionalSource.ANS_RPPS]: "Médecin – Médecine générale",
};

export function familyOf(sourceId: string): ProfessionalSource | null {
  for (const family of Object.values(ProfessionalSource)) if (FAMILY_PATTERN[family].test(sourceId)) return family;
  return null;
}
