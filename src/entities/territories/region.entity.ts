import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";
import { Column, Entity, PrimaryColumn } from "typeorm";

@Directive('@key(fields: "code")')
@ObjectType("Region", {
  simpleResolvers: true,
  description:
    "A French région, metropolitan or overseas (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte). " +
    "Source: INSEE Code officiel géographique 2026, via @etalab/decoupage-administratif.",
})
@Entity("region")
export class Region {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.regionCode })
  @PrimaryColumn({ type: "varchar", length: 3 })
  code: string;

  @Field({ description: "Official name." })
  @Column({ type: "varchar" })
  name: string;

  @Field(() => Int, {
    description: "Population: sum of the INSEE legal populations of its communes (Mayotte: 2017 census).",
  })
  @Column({ type: "integer" })
  population: number;

  /** Lower-case, accent-free name used by searchTerritories. */
  @Column({ name: "search_name", type: "varchar" })
  searchName: string;
}
