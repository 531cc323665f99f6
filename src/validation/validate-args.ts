import { validate, type ValidationError } from "class-validator";
import { BadUserInputError } from "../errors/errors";

function messages(errors: ValidationError[], prefix = ""): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...messages(error.children ?? [], prefix ? `${prefix}.${error.property}` : error.property),
  ]);
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
    if (value !== null && typeof value === "object") {
      errors.push(...(await validate(value as object, { forbidUnknownValues: false, validationError: { target: false } })));
    }
  }
  if (errors.length > 0) {
    const list = messages(errors);
    throw new BadUserInputError(list.join("; "), { invalidArguments: errors.map((e) => e.property) });
  }
}
