import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { Organization } from "../../entities/initiatives/organization.entity";
import { Volunteer } from "../../entities/initiatives/volunteer.entity";

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The organization that registered the volunteer." })
  organization(@Root() v: Volunteer, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return ctx.loaders.organization.byId.load(v.organizationId);
  }
}
