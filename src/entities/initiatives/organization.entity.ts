import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { OrganizationKind } from "./organization-kind";

@Directive('@key(fields: "id")')
@ObjectType("Organization", { simpleResolvers: true, description: "A body that carries initiatives: a mutuelle, a commune, an ARS, the State…" })
@Entity("organization")
export class Organization {
  @Field(() => ID, { description: 'Stable identifier ("mgen", "ars-occitanie").' })
  @PrimaryColumn({ type: "varchar", length: 80 })
  id: string;

  @Field({ description: "Name." })
  @Column({ type: "varchar" })
  name: string;

  @Field(() => OrganizationKind, { description: "What kind of body it is." })
  @Column({ type: "varchar", length: 30 })
  kind: OrganizationKind;

  /** Région an ARS or a regional body acts in (territorial admins are bound to it). */
  @Column({ name: "region_code", type: "varchar", length: 3, nullable: true })
  regionCode: string | null;
}
