import { getMetadataStorage, validate, type ValidationError } from "class-validator";
import { BadUserInputError } from "../errors/errors";

function messages(errors: ValidationError[], prefix = ""): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...messages(error.children ?? [], prefix ? `${prefix}.${error.property}` : error.property),
  ]);
}

/**
 * Whether class-validator has any rule for a class (its own or inherited, nested ones included:
 * `@ValidateNested` is a rule too). Known once per class: asking class-validator costs a walk
 * over every rule of the program, on every call of every resolver that takes arguments.
 */
const hasRules = new WeakMap<Function, boolean>();
function validated(value: object): boolean {
  return hasValidationRules(value.constructor);
}
export function hasValidationRules(type: Function): boolean {
  let answer = hasRules.get(type);
  if (answer === undefined) {
    answer = getMetadataStorage().getTargetValidationMetadatas(type, "", true, false).length > 0;
    hasRules.set(type, answer);
  }
  return answer;
}

/**
 * type-graphql's argument validator: class-validator rules on argument and input classes,
 * failures raised as one BAD_USER_INPUT error whose message lists every broken rule.
 */
export async function validateArguments(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== "object") return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const errors: ValidationError[] = [];
  for (const value of values) {
    if (value !== null && typeof value === "object" && validated(value)) {
      errors.push(...(await validate(value as object, { forbidUnknownValues: false, validationError: { target: false } })));
    }
  }
  if (errors.length > 0) {
    const list = messages(errors);
    throw new BadUserInputError(list.join("; "), { invalidArguments: errors.map((e) => e.property) });
  }
}
