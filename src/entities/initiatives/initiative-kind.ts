import { registerEnumType } from "type-graphql";

export enum InitiativeKind {
  HEALTH_CENTRE = "HEALTH_CENTRE",
  MAISON_DE_SANTE = "MAISON_DE_SANTE",
  MOBILE_UNIT = "MOBILE_UNIT",
  PREVENTION_PROGRAMME = "PREVENTION_PROGRAMME",
  MENTAL_HEALTH_TRAINING = "MENTAL_HEALTH_TRAINING",
  HEALTHY_AGEING = "HEALTHY_AGEING",
  ENVIRONMENTAL_HEALTH = "ENVIRONMENTAL_HEALTH",
  SOLIDARITY_MISSION = "SOLIDARITY_MISSION",
  HEALTH_INCUBATOR = "HEALTH_INCUBATOR",
  COORDINATION = "COORDINATION",
}

registerEnumType(InitiativeKind, {
  name: "InitiativeKind",
  description: "What an initiative does.",
  valuesConfig: {
    HEALTH_CENTRE: { description: "A centre de santé: salaried doctors and other professionals in one place." },
    MAISON_DE_SANTE: { description: "A maison de santé (pluriprofessionnelle): independent professionals sharing premises and a health project." },
    MOBILE_UNIT: { description: "A mobile unit (bus, van) bringing care to places without it." },
    PREVENTION_PROGRAMME: { description: "A prevention or health-education programme." },
    MENTAL_HEALTH_TRAINING: { description: "Training in mental-health first aid." },
    HEALTHY_AGEING: { description: "Workshops for seniors ('bien vieillir': nutrition, physical activity)." },
    ENVIRONMENTAL_HEALTH: { description: "Action on environmental health (food, indoor pollutants, endocrine disruptors)." },
    SOLIDARITY_MISSION: { description: "A mission de solidarité territoriale: volunteer doctors consulting up to two days a month in a zone rouge." },
    HEALTH_INCUBATOR: { description: "A project to bring doctors back to a place that has none (e.g. a 'solidarity health incubator')." },
    COORDINATION: { description: "Coordination between institutions (ARS missions, crisis cells, commissions)." },
  },
});
