import { registerEnumType } from "type-graphql";

/** Legal form of an EPCI à fiscalité propre. */
export enum EpciKind {
  CC = "CC",
  CA = "CA",
  CU = "CU",
  METROPOLE = "METROPOLE",
  METROPOLE_DE_LYON = "METROPOLE_DE_LYON",
}

registerEnumType(EpciKind, {
  name: "EpciKind",
  description: "Legal form of an intercommunalité (EPCI à fiscalité propre).",
  valuesConfig: {
    CC: { description: "Communauté de communes: the rural form, usually under 50,000 inhabitants." },
    CA: { description: "Communauté d'agglomération: a town of 15,000+ and its surroundings, 50,000+ inhabitants." },
    CU: { description: "Communauté urbaine: 250,000+ inhabitants." },
    METROPOLE: { description: "Métropole: 400,000+ inhabitants around a regional capital." },
    METROPOLE_DE_LYON: { description: "Métropole de Lyon: a collectivité with its own status, counted as an EPCI." },
  },
});

/** The DGCL list's codes for the legal form ("METRO", "MET69"…) mapped to ours. */
export function epciKindFromDgcl(code: string): EpciKind {
  switch (code) {
    case "CC": return EpciKind.CC;
    case "CA": return EpciKind.CA;
    case "CU": return EpciKind.CU;
    case "METRO": return EpciKind.METROPOLE;
    case "MET69": return EpciKind.METROPOLE_DE_LYON;
    default: throw new Error(`unknown EPCI legal form "${code}"`);
  }
}
