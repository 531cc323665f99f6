import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { InitiativeKind } from "./initiative-kind";

@Directive('@key(fields: "id")')
@ObjectType("Initiative", {
  simpleResolvers: true,
  description:
    "A local action on access to care or health: a health centre, a mobile unit, a prevention programme, a solidarity mission… " +
    "Attached to the communes, EPCI, départements or région where it runs.",
})
export class Initiative {
  @Field(() => ID, { description: "Stable identifier." })
  id: string;

  @Field({ description: "Title." })
  title: string;

  @Field(() => InitiativeKind, { description: "What the initiative does." })
  kind: InitiativeKind;

  @Field({ description: "What it is, in a few sentences." })
  summary: string;

  @Field(() => String, { nullable: true, description: "When it started (YYYY, YYYY-MM or YYYY-MM-DD), when known." })
  startedOn: string | null;

  @Field({ description: 'Where it stands, in the words of its source ("running", "in preparation"…).' })
  status: string;

  sourceId: string | null;

  /** Organization that recorded it and may change it (partners' writes). */
  ownerId: string | null;

  @Field(() => Int, { description: "Version, raised by every change; send it back with updateInitiative (optimistic concurrency)." })
  version: number;

  @Field({ description: "True once archived: kept for the record, left out of lists unless asked for." })
  archived: boolean;

  createdAt: string;

  updatedAt: string;
}
