import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("Coverage", {
  simpleResolvers: true,
  description:
    "How complete a list or a dataset is, given next to it: how many items we hold (known) against how many the sources say " +
    "exist (expected). Used for partial lists (zones rouges, SAS platforms) and for datasets that cover only part of the " +
    "territories (e.g. PDSA figures for 3 of 101 départements). `expected` is null when no source states it: an unknown count " +
    "is never answered as 0.",
})
export class Coverage {
  @Field({ description: 'What is counted ("zones rouges (EPCI)", "SAS platforms", "départements").' })
  unit: string;

  @Field(() => Int, { description: "How many we hold." })
  known: number;

  @Field(() => Int, { nullable: true, description: "Of the known ones, how many are confirmed by their source. Null where the dataset makes no such distinction." })
  confirmed: number | null;

  @Field(() => Int, { nullable: true, description: "Of the known ones, how many are our best reading of an ambiguous source (not confirmed). Null where the dataset makes no such distinction." })
  unconfirmed: number | null;

  @Field(() => Int, { nullable: true, description: "How many exist according to the sources (see expectedSource); null when no source states it." })
  expected: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when we hold every expected item (confirmed ones, where the distinction exists); null when the expected count is unknown.",
  })
  complete: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: "Codes of the expected territories that have no figure (e.g. [\"976\"]), when the expected ones are known by name; null otherwise.",
  })
  missing: string[] | null;

  @Field(() => String, { nullable: true, description: "How the counts were made, and their caveats." })
  note: string | null;

  /** Source row of the expected count; the `expectedSource` field loads it. */
  expectedSourceId: string | null;
}

/** A Coverage from its counts: `complete` follows from them. */
export function coverage(fields: {
  unit: string;
  known: number;
  confirmed?: number | null;
  expected: number | null;
  expectedSourceId?: string | null;
  missing?: string[] | null;
  note?: string | null;
}): Coverage {
  const confirmed = fields.confirmed ?? null;
  const held = confirmed ?? fields.known;
  return Object.assign(new Coverage(), {
    unit: fields.unit,
    known: fields.known,
    confirmed,
    unconfirmed: confirmed === null ? null : fields.known - confirmed,
    expected: fields.expected,
    complete: fields.expected === null ? null : held >= fields.expected,
    missing: fields.missing ?? null,
    note: fields.note ?? null,
    expectedSourceId: fields.expectedSourceId ?? null,
  });
}
