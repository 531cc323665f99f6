import { BadUserInputError } from "../errors/errors";

/**
 * A query parameter of an export: how it is checked and how /openapi.json describes it. One
 * description serves both, so the documentation cannot drift from what is accepted.
 */
export interface ParamSpec {
  name: string;
  description: string;
  example?: string;
  /** The accepted values, listed in the 400 answer when another is given. */
  enum?: readonly string[];
  /** The accepted format, with `hint` saying it in words. */
  pattern?: RegExp;
  hint?: string;
}

/** Parameters every export takes. */
export const COMMON_PARAMS: ParamSpec[] = [
  {
    name: "columns",
    description:
      "Comma-separated column names to keep, in the export's order (e.g. `code,name,apl`). A figure column brings its `_source` and " +
      "`_vintage` columns with it. Default: every column. An unknown name answers 400 with the valid ones.",
    example: "code,name,population",
    pattern: /^[a-z0-9_]+(,[a-z0-9_]+)*$/,
    hint: "column names separated by commas",
  },
  {
    name: "decimal",
    description: "CSV only: `comma` writes decimal commas (2,5) for spreadsheets set to French; `point` (the default) writes 2.5.",
    enum: ["point", "comma"],
  },
];

export type ParamValues = Record<string, string | undefined>;

/**
 * Checks a query string against the parameters an export takes: each problem is reported at
 * once, with the valid parameter names or values, as a BadUserInputError (400).
 */
export function parseParams(query: Record<string, unknown>, specs: ParamSpec[], exportName: string): ParamValues {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const problems: string[] = [];
  const invalid: string[] = [];
  const values: ParamValues = {};
  for (const [name, raw] of Object.entries(query)) {
    const spec = byName.get(name);
    if (!spec) {
      problems.push(`unknown parameter "${name}" for ${exportName}; valid parameters: ${specs.map((s) => s.name).join(", ")}`);
      invalid.push(name);
      continue;
    }
    if (typeof raw !== "string") {
      problems.push(`${name} must be given once, as text`);
      invalid.push(name);
      continue;
    }
    if (spec.enum && !spec.enum.includes(raw)) {
      problems.push(`${name} must be one of ${spec.enum.join(", ")} (received "${raw}")`);
      invalid.push(name);
      continue;
    }
    if (spec.pattern && !spec.pattern.test(raw)) {
      problems.push(`${name} must be ${spec.hint ?? `like "${spec.example}"`} (received "${raw}")`);
      invalid.push(name);
      continue;
    }
    values[name] = raw;
  }
  if (problems.length > 0) throw new BadUserInputError(problems.join("; "), { invalidArguments: invalid, validParameters: specs.map((s) => s.name) });
  return values;
}

/** A comma-separated parameter as a list; undefined when absent. */
export function listParam(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(",").filter((v) => v !== "");
}
