import { Field, Float, ID, ObjectType } from "type-graphql";

@ObjectType("Indicator", {
  simpleResolvers: true,
  description: "A published figure about access to care (national or local), with its source and date.",
})
export class Indicator {
  @Field(() => ID, { description: 'Identifier: indicator, territory and date ("gp-count@FR@2025-01-01").' })
  id: string;

  @Field({ description: "Short name of the indicator, e.g. 'General practitioners in activity'." })
  label: string;

  @Field(() => String, { description: "What the figure measures and its caveats, in plain words." })
  description: string;

  @Field(() => Float, { description: "The value, in `unit`." })
  value: number;

  @Field({ description: "Unit of the value." })
  unit: string;

  @Field({ description: 'Territory the figure describes: "FR" (France), "region:76", "department:75".' })
  territory: string;

  @Field(() => String, { nullable: true, description: "Date the figure describes." })
  date: string | null;

  sourceId: string;
  indicatorId: string;
}
