import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Region } from "./region.entity";

@Directive('@key(fields: "code")')
@ObjectType("Department", {
  simpleResolvers: true,
  description:
    "A département, metropolitan or overseas (971 to 976). " +
    "Source: INSEE Code officiel géographique 2026, via @etalab/decoupage-administratif.",
})
@Entity("department")
export class Department {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.departmentCode })
  @PrimaryColumn({ type: "varchar", length: 3 })
  code: string;

  @Field({ description: "Official name." })
  @Column({ type: "varchar" })
  name: string;

  /** Foreign key to the région; indexed so loaders can batch on it. */
  @Index("idx_department_region")
  @Column({ name: "region_code", type: "varchar", length: 3 })
  regionCode: string;

  @ManyToOne(() => Region, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "region_code" })
  region?: Region;

  @Field(() => Int, { description: "Population: sum of the INSEE legal populations of its communes." })
  @Column({ type: "integer" })
  population: number;

  @Column({ name: "search_name", type: "varchar" })
  searchName: string;
}
