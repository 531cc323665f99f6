import "reflect-metadata";
import { IsIn, Length } from "class-validator";
import { type ExecutionResult, type GraphQLSchema, graphql } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root, buildSchema } from "type-graphql";
import { LeanResolversRefusedError, leanResolvers, resolverPaths } from "../../src/schema/lean-resolvers";
import { buildMonolithSchema } from "../../src/schema/monolith";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";
import { validateArguments } from "../../src/validation/validate-args";

@ArgsType()
class CodeArgs {
  @Field()
  @Length(2, 3)
  code!: string;

  @Field(() => Int, { nullable: true })
  first?: number;
}

@InputType()
class KindFilter {
  @Field()
  @IsIn(["A", "B"])
  kind!: string;
}

@ObjectType()
class Place {
  @Field()
  code!: string;
}

/** What the methods saw: the class of each argument, to compare both ways of calling them. */
interface Seen {
  seen: string[];
}

@Resolver(() => Place)
class PlaceResolver {
  @Query(() => Place)
  place(@Args() args: CodeArgs, @Ctx() ctx: Seen): Place {
    ctx.seen.push(`place(${args.constructor.name} ${JSON.stringify(args)})`);
    return { code: args.code };
  }

  @Query(() => String)
  filtered(@Arg("filter", () => KindFilter, { nullable: true }) filter: KindFilter | null, @Arg("tags", () => [String], { nullable: true }) tags: string[] | null): string {
    return `${filter ? `${filter.constructor.name}:${filter.kind}` : "no filter"} ${tags?.join("+") ?? "no tags"}`;
  }

  @FieldResolver(() => String)
  label(@Root() place: { code: string }, @Arg("prefix") prefix: string): string {
    return prefix + place.code;
  }
}

const QUERIES = [
  `{ place(code: "76") { code label(prefix: "r-") } }`,
  `{ place(code: "76", first: 3) { code } }`,
  `{ place(code: "7") { code } }`, // breaks @Length: BAD_USER_INPUT
  `{ filtered }`,
  `{ filtered(filter: null, tags: ["x", "y"]) }`,
  `{ filtered(filter: { kind: "A" }) }`, // an input object: type-graphql's own handling
  `{ filtered(filter: { kind: "Z" }) }`, // breaks @IsIn
];

async function run(schema: GraphQLSchema, query: string): Promise<{ result: ExecutionResult; seen: string[] }> {
  const context: Seen = { seen: [] };
  const result = await graphql({ schema, source: query, contextValue: context });
  return { result: JSON.parse(JSON.stringify(result)), seen: context.seen };
}

describe("resolver methods called without type-graphql's per-call handler", () => {
  let handled: GraphQLSchema;
  let lean: GraphQLSchema;
  let replaced: number;

  beforeAll(async () => {
    const options = { resolvers: [PlaceResolver] as [Function], validateFn: validateArguments };
    handled = await buildSchema(options);
    lean = await buildSchema(options);
    replaced = leanResolvers(lean, [PlaceResolver]);
  });

  it("replaces the handler of every query and field resolver of the given classes", () => {
    expect(replaced).toBe(3);
    expect(lean.getQueryType()?.getFields().place.resolve).not.toBe(handled.getQueryType()?.getFields().place.resolve);
  });

  it.each(QUERIES)("answers %s as type-graphql's handler does: same data, same errors, same argument classes", async (query) => {
    const [expected, actual] = [await run(handled, query), await run(lean, query)];
    expect(actual).toEqual(expected);
  });

  it("still validates @Args classes and input objects, with BAD_USER_INPUT and every broken rule", async () => {
    const short = (await run(lean, QUERIES[2])).result;
    expect(short.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(short.errors?.[0].message).toMatch(/code must be longer than or equal to 2 characters/);
    const badKind = (await run(lean, QUERIES[6])).result;
    expect(badKind.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });

  it("hands methods an instance of the @Args class and of the input class, as type-graphql does", async () => {
    expect((await run(lean, QUERIES[1])).seen).toEqual(['place(CodeArgs {"code":"76","first":3})']);
    expect((await run(lean, QUERIES[5])).result.data).toEqual({ filtered: "KindFilter:A no tags" });
  });
});

describe("what lean calls cannot honour is refused when the schema is built", () => {
  const options = { resolvers: [PlaceResolver] as [Function], validateFn: validateArguments };

  it.each([
    ["globalMiddlewares", { globalMiddlewares: [async (_: unknown, next: () => Promise<unknown>) => next()] }],
    ["container", { container: { get: (type: new () => unknown) => new type() } }],
    ["authChecker", { authChecker: () => true }],
  ])("buildSchema's %s: an error naming it, not a silent bypass", async (name, extra) => {
    const schema = await buildSchema({ ...options, ...extra } as Parameters<typeof buildSchema>[0]);
    expect(() => leanResolvers(schema, [PlaceResolver], { ...options, ...extra } as Parameters<typeof leanResolvers>[2])).toThrow(LeanResolversRefusedError);
    expect(() => leanResolvers(schema, [PlaceResolver], { ...options, ...extra } as Parameters<typeof leanResolvers>[2])).toThrow(new RegExp(`"${name}"`));
  });

  it("counts the real schema's resolvers on each path; LEAN_RESOLVERS=off leaves every one to type-graphql's handler", async () => {
    const lean = resolverPaths(await buildMonolithSchema(ALL_SUBGRAPHS, { leanResolvers: true }));
    const handled = resolverPaths(await buildMonolithSchema(ALL_SUBGRAPHS, { leanResolvers: false }));
    expect(lean.direct).toBeGreaterThan(50);
    expect(handled).toEqual({ direct: 0, typeGraphql: lean.direct + lean.typeGraphql });
  });
});
