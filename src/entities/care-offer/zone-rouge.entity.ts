import { Field, ObjectType } from "type-graphql";

@ObjectType("ZoneRougeDesignation", {
  simpleResolvers: true,
  description:
    "Designation of an EPCI as a \"zone rouge\": one of the intercommunalités where access to care is worst, " +
    "listed by the Ministère de la Santé on 27 June 2025 (Pacte de lutte contre les déserts médicaux). Volunteer " +
    "doctors give up to two days a month there (missions de solidarité territoriale).",
})
export class ZoneRouge {
  epciSiren: string;

  @Field({ description: "Date of the designation (the ministry list: 2025-06-27)." })
  designatedOn: string;

  @Field({ description: "Programme under which the zone was designated." })
  programme: string;

  @Field({
    description:
      "False when the designation is our best reading of an ambiguous public source, not a confirmed one (see note). " +
      "Unconfirmed zones are left out of zonesRouges unless asked for.",
  })
  confirmed: boolean;

  @Field(() => String, { nullable: true, description: "Why the designation is uncertain, or other caveats." })
  note: string | null;

  sourceId: string;
}

/** Date of the ministry's list of 151 zones rouges, used when a designation gives none. */
export const ZONES_ROUGES_LIST_DATE = "2025-06-27";
export const ZONES_ROUGES_PROGRAMME =
  "Pacte de lutte contre les déserts médicaux (2025): mission de solidarité territoriale « Un médecin près de chez vous »";
