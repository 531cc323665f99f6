import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { IsOptional } from "class-validator";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import { Organization } from "../../entities/initiatives/organization.entity";
import { OrganizationKind } from "../../entities/initiatives/organization-kind";
import { listOrganizations } from "../../services/initiatives/organization.service";

@ArgsType()
class OrganizationArgs {
  @Field(() => OrganizationKind, { nullable: true, description: "Only organizations of this kind." })
  @IsOptional()
  kind?: OrganizationKind;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: "Organizations that carry initiatives, by name." })
  organizations(@Ctx() ctx: RequestContext, @Args() { kind }: OrganizationArgs): Promise<Organization[]> {
    return listOrganizations(ctx, kind);
  }

  @FieldResolver(() => [Initiative], { description: "Initiatives it carries (archived ones left out)." })
  initiatives(@Root() o: Organization, @Ctx() ctx: RequestContext): Promise<Initiative[]> {
    return ctx.loaders.initiative.byCarrier.load(o.id);
  }
}
