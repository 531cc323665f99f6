import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Department } from "./department.entity";

@Directive('@key(fields: "code")')
@ObjectType("Commune", {
  simpleResolvers: true,
  description:
    "A commune, the smallest French local authority, in metropolitan France or an overseas département, as of " +
    "1 January 2026. Source: INSEE Code officiel géographique 2026 and legal populations.",
})
@Entity("commune")
export class Commune {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.communeCode })
  @PrimaryColumn({ type: "varchar", length: 5 })
  code: string;

  @Field({ description: "Official name." })
  @Column({ type: "varchar" })
  name: string;

  @Index("idx_commune_department")
  @Column({ name: "department_code", type: "varchar", length: 3 })
  departmentCode: string;

  @ManyToOne(() => Department, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "department_code" })
  department?: Department;

  @Index("idx_commune_region")
  @Column({ name: "region_code", type: "varchar", length: 3 })
  regionCode: string;

  @Field(() => Int, { description: "INSEE legal population (population municipale)." })
  @Column({ type: "integer" })
  population: number;

  @Field(() => [String], { description: "La Poste postal codes serving the commune (one commune can have several)." })
  @Column({ name: "postal_codes", type: "simple-array" })
  postalCodes: string[];

  @Column({ name: "search_name", type: "varchar" })
  searchName: string;

  /** Set when the commune was looked up by a former code (a commune merged into it since); not stored. */
  @Field(() => String, {
    nullable: true,
    description:
      'The former INSEE code this commune was looked up by, when it was one: commune(code: "01340") answers Arboys en Bugey ' +
      '(01015), into which Saint-Bois (01340) was merged, with formerCodeGiven "01340". Null when looked up by its current code ' +
      "or reached through another field.",
  })
  formerCodeGiven?: string | null;
}
