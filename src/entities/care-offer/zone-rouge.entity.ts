import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("ZoneRougeDesignation", {
  simpleResolvers: true,
  description:
    "Designation of an EPCI as a \"zone rouge\": one of the intercommunalités where access to care is worst, " +
    "listed by the Ministère de la Santé on 27 June 2025 (Pacte de lutte contre les déserts médicaux). Volunteer " +
    "doctors give up to two days a month there (missions de solidarité territoriale).",
})
@Entity("zone_rouge")
export class ZoneRouge {
  @PrimaryColumn({ name: "epci_siren", type: "varchar", length: 9 })
  epciSiren: string;

  @Field({ description: "Date of the designation (the ministry list: 2025-06-27)." })
  @Column({ name: "designated_on", type: "varchar", length: 10 })
  designatedOn: string;

  @Field({ description: "Programme under which the zone was designated." })
  @Column({ type: "varchar" })
  programme: string;

  @Field({
    description:
      "False when the designation is our best reading of an ambiguous public source, not a confirmed one (see note). " +
      "Unconfirmed zones are left out of zonesRouges unless asked for.",
  })
  @Column({ type: "boolean" })
  confirmed: boolean;

  @Field(() => String, { nullable: true, description: "Why the designation is uncertain, or other caveats." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ name: "source_id", type: "varchar", length: 80 })
  sourceId: string;
}

/** Date of the ministry's list of 151 zones rouges, used when a designation gives none. */
export const ZONES_ROUGES_LIST_DATE = "2025-06-27";
export const ZONES_ROUGES_PROGRAMME =
  "Pacte de lutte contre les déserts médicaux (2025): mission de solidarité territoriale « Un médecin près de chez vous »";
