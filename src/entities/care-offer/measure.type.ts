import { Field, Float, ObjectType } from "type-graphql";
import type { MapRequest } from "./map-measure";

/** Which stored series a Measure belongs to, so `history` can load its other dates. */
export type SeriesKey =
  | { kind: "measure"; indicator: string; territory: string }
  | { kind: "professional"; territory: string; specialty: string; sourceIds: string[] }
  | { kind: "single" };

@ObjectType("Measure", {
  simpleResolvers: true,
  description:
    "A figure with its unit, the date it describes and its source. Different sources or vintages are different " +
    "Measures; `history` lists the same series at its other dates.",
})
export class Measure {
  @Field(() => Float, { description: "The value, in `unit`." })
  value: number;

  @Field({ description: 'Unit of the value ("per 100,000 inhabitants", "%", "consultations per year per inhabitant"…).' })
  unit: string;

  @Field(() => String, { nullable: true, description: "Date the figure describes (YYYY-MM-DD or YYYY), when known." })
  date: string | null;

  @Field(() => Float, { nullable: true, description: "Target set for that date by the programme, when the source gives one." })
  target: number | null;

  @Field(() => String, { nullable: true, description: "How the figure was computed when it is not published as such (e.g. a population-weighted mean)." })
  method: string | null;

  @Field(() => String, { nullable: true, description: "A caveat about this value, e.g. a file row whose population is not the territory's." })
  note: string | null;

  /** Source row id; the `source` field loads it. */
  sourceId: string;
  /** For `history`. */
  series: SeriesKey;
  /** The map of the départements that shows this figure, when there is one (for `mapUrl`). */
  map?: MapRequest | null;
}
