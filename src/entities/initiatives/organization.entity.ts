import { Directive, Field, ID, ObjectType } from "type-graphql";
import { OrganizationKind } from "./organization-kind";

@Directive('@key(fields: "id")')
@ObjectType("Organization", { simpleResolvers: true, description: "A body that carries initiatives: a mutuelle, a commune, an ARS, the State…" })
export class Organization {
  @Field(() => ID, { description: 'Stable identifier ("mgen", "ars-occitanie").' })
  id: string;

  @Field({ description: "Name." })
  name: string;

  @Field(() => OrganizationKind, { description: "What kind of body it is." })
  kind: OrganizationKind;

  /** Région an ARS or a regional body acts in (territorial admins are bound to it). */
  regionCode: string | null;
}
