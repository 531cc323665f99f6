import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Where a figure comes from. Shared by the care-offer and initiatives subgraphs, read from the same table. */
@Directive("@shareable")
@ObjectType("Source", {
  simpleResolvers: true,
  description:
    "Provenance of a figure: who produced it, in which publication, for which date (vintage), under which licence. " +
    "Figures of different sources or vintages are never mixed: each Measure carries exactly one Source.",
})
export class Source {
  @Field(() => ID, { description: 'Stable identifier of the source, e.g. "drees-rpps-2022".' })
  id: string;

  @Field({ description: 'Organisation that produced the figure ("DREES", "CNOM", "CNAM"…).' })
  producer: string;

  @Field({ description: "Title of the page, publication or dataset the figures were taken from." })
  title: string;

  @Field({ description: 'Reference date of the data: the date or year the figures describe ("2025-01-01", "2024"), never the date of the page that reported them (see publishedOn).' })
  vintage: string;

  @Field(() => String, {
    nullable: true,
    description: "Date the page or file that reports the figures was published (YYYY-MM-DD, YYYY-MM or YYYY); null when it shows none. Not the date of the data (see vintage).",
  })
  publishedOn: string | null;

  @Field({ description: "True when the producer does not state the vintage and it was inferred (see note)." })
  vintageInferred: boolean;

  @Field(() => String, { nullable: true, description: "Caveats: scope, how the vintage was inferred, how a figure was computed." })
  note: string | null;

  @Field(() => String, { nullable: true, description: "Address of the page or file the figures were taken from (with the copy they were read from, when they come from one)." })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Licence of the data ("Licence Ouverte / Etalab 2.0"…); check it before reuse.' })
  licence: string | null;
}
