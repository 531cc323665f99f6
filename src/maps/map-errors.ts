import { BadUserInputError } from "../errors/errors";

/**
 * A map request that cannot be drawn: HTTP 400 with code BAD_USER_INPUT, its message in French
 * then English ("… / …"), the parameter at fault in `invalidArguments` and, where they can be
 * listed, the values it accepts in `validValues` (by parameter: `{"measure": [...]}`).
 */
export function badMapInput(argument: string | null, fr: string, en: string, validValues?: readonly string[]): BadUserInputError {
  return new BadUserInputError(`${fr} / ${en}`, {
    invalidArguments: argument === null ? [] : [argument],
    ...(validValues && argument !== null ? { validValues: { [argument]: [...validValues] } } : {}),
  });
}

/** One problem of a map request, in both languages. */
export interface MapInputIssue {
  argument: string;
  fr: string;
  en: string;
  validValues?: readonly string[];
}

/** Every problem of a request at once, so that a client fixes them in one go. */
export function badMapInputs(issues: MapInputIssue[]): BadUserInputError {
  if (issues.length === 1) return badMapInput(issues[0].argument, issues[0].fr, issues[0].en, issues[0].validValues);
  const validValues = Object.fromEntries(issues.flatMap((i) => (i.validValues ? [[i.argument, [...i.validValues]]] : [])));
  return new BadUserInputError(`${issues.map((i) => i.fr).join(" ; ")} / ${issues.map((i) => i.en).join("; ")}`, {
    invalidArguments: [...new Set(issues.map((i) => i.argument))],
    ...(Object.keys(validValues).length > 0 ? { validValues } : {}),
  });
}
