import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType("MissionDay", { simpleResolvers: true, description: "A day a volunteer offers to consult in a zone rouge." })
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
