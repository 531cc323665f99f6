import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("Volunteer", {
  description:
    "A doctor (active or retired) volunteering for missions de solidarité territoriale, registered by an organization. " +
    "Names are shown only to API-key holders.",
})
@Entity("volunteer")
export class Volunteer {
  @Field(() => ID, { description: "Identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ name: "organization_id", type: "varchar", length: 80 })
  organizationId: string;

  @Field({ description: "Name as the registering organization gives it." })
  @Column({ name: "display_name", type: "varchar" })
  displayName: string;

  @Field({ description: 'Specialty ("Médecine générale" for a GP).' })
  @Column({ type: "varchar" })
  specialty: string;

  @Field({ description: "True for a retired doctor." })
  @Column({ type: "boolean" })
  retired: boolean;
}

@ObjectType("MissionDay", { description: "A day a volunteer offers to consult in a zone rouge." })
@Entity("mission_day")
export class MissionDay {
  @PrimaryColumn({ name: "volunteer_id", type: "varchar", length: 36 })
  volunteerId: string;

  @Field({ description: "The day (YYYY-MM-DD)." })
  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @Column({ name: "epci_siren", type: "varchar", length: 9 })
  epciSiren: string;
}

@ObjectType("ZoneNeeds", {
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
