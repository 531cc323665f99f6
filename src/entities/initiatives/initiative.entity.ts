import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { InitiativeKind } from "./initiative-kind";

@Directive('@key(fields: "id")')
@ObjectType("Initiative", {
  simpleResolvers: true,
  description:
    "A local action on access to care or health: a health centre, a mobile unit, a prevention programme, a solidarity mission… " +
    "Attached to the communes, EPCI, départements or région where it runs.",
})
@Entity("initiative")
export class Initiative {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 80 })
  id: string;

  @Field({ description: "Title." })
  @Column({ type: "varchar" })
  title: string;

  @Field(() => InitiativeKind, { description: "What the initiative does." })
  @Column({ type: "varchar", length: 40 })
  kind: InitiativeKind;

  @Field({ description: "What it is, in a few sentences." })
  @Column({ type: "text" })
  summary: string;

  @Field(() => String, { nullable: true, description: "When it started (YYYY, YYYY-MM or YYYY-MM-DD), when known." })
  @Column({ name: "started_on", type: "varchar", length: 10, nullable: true })
  startedOn: string | null;

  @Field({ description: 'Where it stands, in the words of its source ("running", "in preparation"…).' })
  @Column({ type: "varchar", length: 40 })
  status: string;

  @Column({ name: "source_id", type: "varchar", length: 80, nullable: true })
  sourceId: string | null;

  /** Organization that recorded it and may change it (partners' writes). */
  @Column({ name: "owner_id", type: "varchar", length: 80, nullable: true })
  ownerId: string | null;

  @Field(() => Int, { description: "Version, raised by every change; send it back with updateInitiative (optimistic concurrency)." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field({ description: "True once archived: kept for the record, left out of lists unless asked for." })
  @Column({ type: "boolean", default: false })
  archived: boolean;

  @Column({ name: "created_at", type: "varchar", length: 30 })
  createdAt: string;

  @Column({ name: "updated_at", type: "varchar", length: 30 })
  updatedAt: string;
}
