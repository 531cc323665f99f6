import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { KEY_DESCRIPTIONS } from "../shared/key-descriptions";
import { Column, Entity, JoinTable, ManyToMany, PrimaryColumn } from "typeorm";
import { Commune } from "./commune.entity";
import { Department } from "./department.entity";
import { EpciKind } from "./epci-kind";

@Directive('@key(fields: "siren")')
@ObjectType("Epci", {
  simpleResolvers: true,
  description:
    "An EPCI à fiscalité propre (établissement public de coopération intercommunale): an " +
    "intercommunalité grouping communes that share services and, more and more, health policy. " +
    "Source: DGCL list of EPCI 2026, via @etalab/decoupage-administratif.",
})
@Entity("epci")
export class Epci {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.epciSiren })
  @PrimaryColumn({ type: "varchar", length: 9 })
  siren: string;

  @Field({ description: 'Official name, with its legal form ("CC Cazals-Salviac").' })
  @Column({ type: "varchar" })
  name: string;

  @Field(() => EpciKind, { description: "Legal form (CC, CA, CU, Métropole)." })
  @Column({ type: "varchar", length: 20 })
  kind: EpciKind;

  @Field(() => Int, { description: "Population totale (INSEE legal population, counting people counted elsewhere too)." })
  @Column({ type: "integer" })
  population: number;

  @Column({ name: "search_name", type: "varchar" })
  searchName: string;

  /** Member communes. A commune belongs to at most one EPCI (unique index on the join table). */
  @ManyToMany(() => Commune)
  @JoinTable({ name: "epci_commune", joinColumn: { name: "epci_siren" }, inverseJoinColumn: { name: "commune_code" } })
  communes?: Commune[];

  /** Départements holding at least one member commune (CA Moulins Communauté: 03 and 58). */
  @ManyToMany(() => Department)
  @JoinTable({ name: "epci_department", joinColumn: { name: "epci_siren" }, inverseJoinColumn: { name: "department_code" } })
  departments?: Department[];
}
