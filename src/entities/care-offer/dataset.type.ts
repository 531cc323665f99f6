import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("Dataset", {
  simpleResolvers: true,
  description:
    "A dataset the server holds, as its catalogue lists it: who produced it, the date its data describe, its licence, the file " +
    "loaded, how many rows, when, the command that refreshes it, and how complete it is (territories covered, items known).",
})
export class Dataset {
  @Field(() => ID, { description: 'Identifier: the import kind of `npm run import` ("zones-rouges", "pdsa") or of a bundled seed ("territories").' })
  id: string;

  @Field({ description: "Title of the dataset." })
  title: string;

  @Field({ description: "Who produced the data (and who reported it, for figures read on public pages)." })
  producer: string;

  @Field({ description: "Date or period the data describe (not the date of the page or file)." })
  vintage: string;

  @Field(() => String, { nullable: true, description: "Licence of the data; check it before reuse." })
  licence: string | null;

  @Field(() => String, { nullable: true, description: "Where the data can be found, when one address serves the whole dataset." })
  url: string | null;

  @Field({ description: "File(s) of the last load." })
  file: string;

  @Field(() => Int, { description: "Data lines read from the file(s) of the last load (header excluded)." })
  rows: number;

  @Field({ description: "When the data last changed in this server (ISO 8601, UTC): a load that changed nothing keeps the previous date." })
  loadedAt: string;

  @Field({ description: 'The command that refreshes it ("npm run import -- zones-rouges FILE", "npm run seed").' })
  importCommand: string;
}
