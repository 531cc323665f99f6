import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("ZoneNeeds", {
  simpleResolvers: true,
  description: "What a zone rouge needs to host volunteer doctors: consultation days, rooms, medical equipment, lodging.",
})
@Entity("zone_need")
export class ZoneNeeds {
  @PrimaryColumn({ name: "epci_siren", type: "varchar", length: 9 })
  epciSiren: string;

  @Field({ description: "Consultation days the zone wants each month." })
  @Column({ name: "days_wanted_per_month", type: "integer" })
  daysWantedPerMonth: number;

  @Field({ description: "Consultation rooms available for volunteers." })
  @Column({ name: "consultation_rooms", type: "integer" })
  consultationRooms: number;

  @Field({ description: "True when medical equipment is available." })
  @Column({ name: "medical_equipment", type: "boolean" })
  medicalEquipment: boolean;

  @Field({ description: "True when lodging is available for the doctors." })
  @Column({ type: "boolean" })
  lodging: boolean;

  @Field(() => String, { nullable: true, description: "Anything else the zone wants volunteers to know." })
  @Column({ type: "text", nullable: true })
  note: string | null;
}
