import { Field, ObjectType } from "type-graphql";

@ObjectType("ZoneNeeds", {
  simpleResolvers: true,
  description: "What a zone rouge needs to host volunteer doctors: consultation days, rooms, medical equipment, lodging.",
})
export class ZoneNeeds {
  epciSiren: string;

  @Field({ description: "Consultation days the zone wants each month." })
  daysWantedPerMonth: number;

  @Field({ description: "Consultation rooms available for volunteers." })
  consultationRooms: number;

  @Field({ description: "True when medical equipment is available." })
  medicalEquipment: boolean;

  @Field({ description: "True when lodging is available for the doctors." })
  lodging: boolean;

  @Field(() => String, { nullable: true, description: "Anything else the zone wants volunteers to know." })
  note: string | null;
}
