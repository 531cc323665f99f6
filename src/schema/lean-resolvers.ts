import { type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from "graphql";
import { type BuildSchemaOptions, getMetadataStorage } from "type-graphql";
import { hasValidationRules, validateArguments } from "../validation/validate-args";

type Storage = ReturnType<typeof getMetadataStorage>;
type HandlerMetadata = Storage["queries"][number] | Storage["fieldResolvers"][number];
type ParamMetadata = NonNullable<HandlerMetadata["params"]>[number];
type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

/** What one parameter of a resolver method receives, or `SLOW` when this call needs type-graphql's own handling. */
type Step = (root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;
const SLOW = Symbol("slow");

/** Marks the resolvers made here, so that a schema's resolvers can be counted by path. */
const LEAN = Symbol("lean resolver");

/**
 * buildSchema options that act on every call through type-graphql's handler: a lean call would
 * bypass them. Given any of them, the build fails instead (LEAN_RESOLVERS=off keeps the handler).
 */
const HANDLER_OPTIONS = ["globalMiddlewares", "container", "authChecker", "authMode", "pubSub", "directives"] as const;

/** Thrown at build time when lean calls would bypass what the schema was built with. */
export class LeanResolversRefusedError extends Error {
  override name = "LeanResolversRefusedError";
}

/** How many resolvers of a schema take each path. */
export interface ResolverPaths {
  /** Called directly, as worked out at build time. */
  direct: number;
  /** Through type-graphql's per-call handler (input objects, middlewares, roles, custom decorators), or its own plain fields. */
  typeGraphql: number;
}

/** A resolver wrapping `inner` (the monolith's reference loading) counts on the path `inner` takes. */
export function sameResolverPath<T extends Function>(inner: Function, wrapper: T): T {
  if ((inner as { [LEAN]?: true })[LEAN]) (wrapper as unknown as { [LEAN]?: true })[LEAN] = true;
  return wrapper;
}

/** Counts a built schema's field resolvers by path (introspection and federation fields left out). */
export function resolverPaths(schema: GraphQLSchema): ResolverPaths {
  const paths: ResolverPaths = { direct: 0, typeGraphql: 0 };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || field.name.startsWith("_")) continue;
      if ((field.resolve as { [LEAN]?: true })[LEAN]) paths.direct++;
      else paths.typeGraphql++;
    }
  }
  return paths;
}

/**
 * Resolver methods called without type-graphql's per-call machinery, for the calls where it
 * changes nothing. type-graphql builds each resolver as a handler that, on every call, sorts the
 * method's parameter list, converts every argument through its input-type metadata and awaits
 * the validator on each of them (an `async` call, even for a scalar), then joins them with
 * `Promise.all`: on the hero query (19 `initiatives` calls) that was about 8 % of the request's
 * CPU and a sixth of its allocations, as profiled (bench/profile.md has the gain).
 *
 * Here the parameter order, each argument's kind and each class's validation rules are worked
 * out once. A call runs the method directly when its arguments are scalars (or absent) and its
 * `@Args` classes hold scalars: an args class is instantiated as type-graphql does, and
 * validated (asynchronously) only if class-validator has rules for it. Any other call (an input
 * object's value, a root that is not yet its class) goes to type-graphql's handler as before, as
 * do resolvers with middlewares, roles, custom parameter decorators or their own validation
 * settings. Same methods, same arguments, same errors.
 */
export function leanResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[], options: Partial<BuildSchemaOptions> = {}): number {
  const given = HANDLER_OPTIONS.filter((name) => {
    const value = (options as Record<string, unknown>)[name];
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
  if (given.length > 0) {
    throw new LeanResolversRefusedError(
      `lean resolver calls cannot honour buildSchema's ${given.map((n) => `"${n}"`).join(", ")}: type-graphql applies them in its per-call handler, which lean calls skip. ` +
        "Build the schema with LEAN_RESOLVERS=off, or apply the rule as a per-resolver decorator (@UseMiddleware, @Authorized), which lean calls leave to the handler.",
    );
  }
  const storage = getMetadataStorage();
  const classes = new Set(resolverClasses);
  const typeNameOf = (target: Function) => storage.objectTypes.find((o) => o.target === target)?.name;
  let replaced = 0;
  const replace = (typeName: string | undefined, metadata: HandlerMetadata) => {
    if (!typeName || !classes.has(metadata.target)) return;
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
    if (!field?.resolve) return;
    const lean = leanResolver(metadata, field.resolve as Resolver);
    if (lean) {
      (lean as { [LEAN]?: true })[LEAN] = true;
      field.resolve = lean as typeof field.resolve;
      replaced++;
    }
  };
  for (const query of storage.queries) replace(schema.getQueryType()?.name, query);
  for (const mutation of storage.mutations) replace(schema.getMutationType()?.name, mutation);
  for (const fieldResolver of storage.fieldResolvers) {
    // "internal": a method of the object type itself, whose `this` type-graphql builds from the root.
    if (fieldResolver.kind !== "external" || !fieldResolver.getObjectType) continue;
    replace(typeNameOf(fieldResolver.getObjectType() as Function), fieldResolver);
  }
  return replaced;
}

function leanResolver(metadata: HandlerMetadata, original: Resolver): Resolver | undefined {
  if (metadata.middlewares?.length || metadata.roles?.length) return undefined;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  const steps: Step[] = [];
  const validated: boolean[] = [];
  for (const param of params) {
    const step = stepFor(param);
    if (!step) return undefined;
    steps.push(step);
    validated.push(param.kind === "args" && hasValidationRules(param.getType() as Function));
  }
  const method = (metadata.target.prototype as Record<string, unknown>)[metadata.methodName];
  if (typeof method !== "function") return undefined;
  const target = metadata.target as new () => unknown;
  let instance: unknown;
  return (root, args, context, info) => {
    const values = new Array<unknown>(steps.length);
    let checks: Promise<void>[] | undefined;
    for (let i = 0; i < steps.length; i++) {
      const value = steps[i](root, args, context, info);
      if (value === SLOW) return original(root, args, context, info);
      values[i] = value;
      if (validated[i]) (checks ??= []).push(validateArguments(value));
    }
    instance ??= instanceOf(target);
    if (!checks) return method.apply(instance, values);
    return Promise.all(checks).then(() => method.apply(instance, values));
  };
}

/** As type-graphql's default container: one instance of each resolver class, made on first use. */
const instances = new Map<Function, unknown>();
function instanceOf(target: new () => unknown): unknown {
  let instance = instances.get(target);
  if (instance === undefined) {
    instance = new target();
    instances.set(target, instance);
  }
  return instance;
}

/** The fields of an `@ArgsType` class, its parent classes' included (as type-graphql collects them). */
function argsFieldsOf(target: Function) {
  const storage = getMetadataStorage();
  const fields = [];
  for (let type: Function | null = target; type && type.prototype !== undefined; type = Object.getPrototypeOf(type) as Function | null) {
    const metadata = storage.argumentTypes.find((t) => t.target === type);
    if (metadata?.fields) fields.push(...metadata.fields);
  }
  return fields;
}

/** Whether a type is an `@InputType` class: its values need type-graphql's conversion into instances. */
const isInputClass = (target: unknown) => typeof target === "function" && getMetadataStorage().inputTypes.some((t) => t.target === target);

function stepFor(param: ParamMetadata): Step | undefined {
  switch (param.kind) {
    case "context": {
      const property = param.propertyName;
      return property ? (_r, _a, context) => (context as Record<string, unknown>)[property] : (_r, _a, context) => context;
    }
    case "info":
      return (_r, _a, _c, info) => info;
    case "root": {
      const property = param.propertyName;
      const type = param.getType?.() as Function | undefined;
      // A declared class the root is not an instance of: type-graphql makes one (convertToType).
      const needsClass = typeof type === "function" && type !== Object;
      return (root) => {
        const value = property ? (root as Record<string, unknown>)[property] : root;
        return needsClass && value != null && typeof value === "object" && !(value instanceof (type as Function)) ? SLOW : value;
      };
    }
    case "arg": {
      if (param.validateFn || param.validateSettings !== undefined) return undefined;
      const name = param.name;
      // Scalars and enums pass as they are; an input object's value goes through type-graphql.
      if (!isInputClass(param.getType())) return (_r, args) => args[name];
      return (_r, args) => (args[name] == null ? args[name] : SLOW);
    }
    case "args": {
      if (param.validateFn || param.validateSettings !== undefined) return undefined;
      const ArgsClass = param.getType() as new () => Record<string, unknown>;
      const fields = argsFieldsOf(ArgsClass).map((f) => ({ name: f.name, input: isInputClass(f.getType()) }));
      return (_r, args) => {
        // As type-graphql's convertArgsToInstance: a new instance with the given fields assigned.
        const given: Record<string, unknown> = {};
        for (const field of fields) {
          const value = args[field.name];
          if (value === undefined) continue;
          if (field.input && value !== null) return SLOW;
          given[field.name] = value;
        }
        const instance = new ArgsClass();
        for (const key of Object.keys(instance)) {
          if (instance[key] === undefined && !(key in given)) delete instance[key];
        }
        return Object.assign(instance, given);
      };
    }
    default:
      return undefined; // custom decorators, pubSub: type-graphql's handler
  }
}
