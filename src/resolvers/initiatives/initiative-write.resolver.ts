import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Resolver } from "type-graphql";
import { IsInt, Length, Min } from "class-validator";
import type { RequestContext } from "../../context/request-context";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import { archiveInitiative, createInitiative, updateInitiative } from "../../services/initiatives/initiative-write.service";
import { CreateInitiativeInput, UpdateInitiativeInput } from "./initiative-write.input";

@ArgsType()
class ArchiveArgs {
  @Field(() => ID, { description: "The initiative." })
  @Length(1, 80)
  id: string;

  @Field(() => Int, { description: "The version you read (optimistic concurrency)." })
  @IsInt()
  @Min(1)
  version: number;
}

@Resolver(() => Initiative)
export class InitiativeWriteResolver {
  @Mutation(() => Initiative, {
    description: "Records an initiative of your organization in existing territories. Needs an API key; safe to retry with the same clientMutationId.",
  })
  createInitiative(@Arg("input", () => CreateInitiativeInput, { description: "The initiative to record." }) input: CreateInitiativeInput, @Ctx() ctx: RequestContext): Promise<Initiative> {
    return createInitiative(ctx, input);
  }

  @Mutation(() => Initiative, { description: "Changes one of your organization's initiatives; refused with CONFLICT if its version moved on." })
  updateInitiative(@Arg("input", () => UpdateInitiativeInput, { description: "The initiative to change, its version as last read, and the fields to change." }) input: UpdateInitiativeInput, @Ctx() ctx: RequestContext): Promise<Initiative> {
    return updateInitiative(ctx, input);
  }

  @Mutation(() => Initiative, { description: "Archives one of your organization's initiatives (kept, left out of lists)." })
  archiveInitiative(@Args() { id, version }: ArchiveArgs, @Ctx() ctx: RequestContext): Promise<Initiative> {
    return archiveInitiative(ctx, id, version);
  }
}
