import { registerEnumType } from "type-graphql";

export enum OrganizationKind {
  MUTUELLE = "MUTUELLE",
  COMMUNE = "COMMUNE",
  EPCI = "EPCI",
  CPAM = "CPAM",
  ARS = "ARS",
  STATE = "STATE",
  ASSOCIATION = "ASSOCIATION",
  PROFESSIONAL_ORDER = "PROFESSIONAL_ORDER",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What kind of body an organization is.",
  valuesConfig: {
    MUTUELLE: { description: "A mutuelle (non-profit health insurer) or the Mutualité Française." },
    COMMUNE: { description: "A commune (municipality)." },
    EPCI: { description: "An intercommunalité (EPCI)." },
    CPAM: { description: "A caisse primaire d'assurance maladie: the local office of the national health insurance." },
    ARS: { description: "An agence régionale de santé: the State's health agency in a région." },
    STATE: { description: "A ministry or national State body." },
    ASSOCIATION: { description: "An association or collective." },
    PROFESSIONAL_ORDER: { description: "A professional order, e.g. the Ordre des médecins (CNOM and its departmental councils)." },
  },
});
