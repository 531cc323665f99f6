import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** Where a figure comes from. Shared by the care-offer and initiatives subgraphs, read from the same table. */
@Directive("@shareable")
@ObjectType("Source", {
  description:
    "Provenance of a figure: who produced it, in which publication, for which date (vintage), under which licence. " +
    "Figures of different sources or vintages are never mixed: each Measure carries exactly one Source.",
})
@Entity("source")
export class Source {
  @Field(() => ID, { description: 'Stable identifier of the source, e.g. "drees-rpps-2022".' })
  @PrimaryColumn({ type: "varchar", length: 80 })
  id: string;

  @Field({ description: 'Organisation that produced the figure ("DREES", "CNOM", "CNAM"…).' })
  @Column({ type: "varchar" })
  producer: string;

  @Field({ description: "Title of the publication or dataset." })
  @Column({ type: "varchar" })
  title: string;

  @Field({ description: 'Date or year the figures describe ("2025-01-01", "2024"), not the publication date.' })
  @Column({ type: "varchar", length: 40 })
  vintage: string;

  @Field({ description: "True when the producer does not state the vintage and it was inferred (see note)." })
  @Column({ name: "vintage_inferred", type: "boolean", default: false })
  vintageInferred: boolean;

  @Field(() => String, { nullable: true, description: "Caveats: scope, how the vintage was inferred, how a figure was computed." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: "Where the data can be found." })
  @Column({ type: "varchar", nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Licence of the data ("Licence Ouverte / Etalab 2.0"…); check it before reuse.' })
  @Column({ type: "varchar", nullable: true })
  licence: string | null;
}
