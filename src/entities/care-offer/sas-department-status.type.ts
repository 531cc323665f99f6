import { Field, ObjectType } from "type-graphql";

@ObjectType("SasDepartmentStatus", {
  simpleResolvers: true,
  description:
    "What ARS, URPS or press pages state about a département's own SAS (service d'accès aux soins), with those pages as sources. " +
    "A statement about a whole région (\"all départements are covered\") is not repeated here: it is not a fact about each département.",
})
export class SasDepartmentStatus {
  @Field({ description: 'Status as the sources state it, in their words ("opérationnel", "site pilote", "en cours de montage (juin 2021)").' })
  status: string;

  @Field(() => String, { nullable: true, description: "Date the status is stated for, when the source gives one (YYYY-MM-DD or YYYY-MM)." })
  statedOn: string | null;

  @Field(() => String, { nullable: true, description: "Opening date of the SAS, at the source's precision (YYYY, YYYY-MM or YYYY-MM-DD); null when no source gives it." })
  openedOn: string | null;

  @Field(() => String, { nullable: true, description: "The source's own wording about the start or the status, in French." })
  statement: string | null;

  @Field(() => String, { nullable: true, description: "Name of the SAS as the source writes it; null when unnamed." })
  platformName: string | null;

  @Field(() => String, { nullable: true, description: "Bodies that run it, as the source names them." })
  operators: string | null;

  @Field(() => String, { nullable: true, description: "Caveats: conflicting sources, extra facts." })
  note: string | null;

  sourceIds: string[];
}
