import { ArgsType, Field } from "type-graphql";
import { MapFormat, MapLanguage, MapLevel, MapMeasure } from "../../entities/care-offer/territory-map.enums";

/** Arguments of the territories' `mapUrl`: the level is given by each field (its default differs). */
@ArgsType()
export class TerritoryMapArgs {
  @Field(() => MapMeasure, { description: "What the map draws." })
  measure: MapMeasure;

  @Field(() => MapLevel, { nullable: true, description: "The territories drawn (the default depends on the field: see its description)." })
  level?: MapLevel;

  @Field(() => MapFormat, { nullable: true, description: "The image, or its table alternative. Default SVG." })
  format?: MapFormat;

  @Field(() => MapLanguage, { nullable: true, description: "Language of the map's texts. Default FR." })
  lang?: MapLanguage;
}
