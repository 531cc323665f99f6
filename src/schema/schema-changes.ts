import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export interface SchemaChangeReport {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
  /** False when a breaking change lacks a changelog line naming it. */
  ok: boolean;
  /** What to print: each change, and what is missing. */
  lines: string[];
}

/** The type or field a change concerns ("Department.gpDensity"), as a changelog line should name it. */
export function coordinateOf(change: Change): string {
  return (change.path ?? "").split(".").slice(0, 2).join(".");
}

/**
 * Compares the previous published schema with the new one (graphql-inspector). Breaking changes
 * (a field removed, a type changed, an argument made required…) break partners' queries: each
 * must be named, by its coordinate ("Type.field" or "Type"), in a line added to the README's
 * changelog. Other changes only get listed.
 */
export async function checkSchemaChange(previousSdl: string, currentSdl: string, addedChangelogLines: string[]): Promise<SchemaChangeReport> {
  const changes = await diff(buildSchema(previousSdl), buildSchema(currentSdl));
  const by = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  const breaking = by(CriticalityLevel.Breaking);
  const changelog = addedChangelogLines.join("\n");
  const unexplained = breaking.filter((c) => !changelog.includes(coordinateOf(c)));
  const lines = [
    ...breaking.map((c) => `BREAKING  ${c.message}`),
    ...by(CriticalityLevel.Dangerous).map((c) => `dangerous ${c.message}`),
    ...by(CriticalityLevel.NonBreaking).map((c) => `safe      ${c.message}`),
    ...unexplained.map((c) => `missing changelog line naming ${coordinateOf(c)} (breaking: ${c.message})`),
  ];
  return { breaking, dangerous: by(CriticalityLevel.Dangerous), safe: by(CriticalityLevel.NonBreaking), ok: unexplained.length === 0, lines };
}

/** Lines added to the "## Changelog" section of a README between two versions of it. */
export function addedChangelogLines(previousReadme: string, currentReadme: string): string[] {
  const section = (text: string) => {
    const start = text.indexOf("\n## Changelog");
    if (start < 0) return [];
    const rest = text.slice(start + 1);
    const end = rest.indexOf("\n## ", 3);
    return (end < 0 ? rest : rest.slice(0, end)).split("\n").filter((l) => l.trim() !== "");
  };
  const before = new Set(section(previousReadme));
  return section(currentReadme).filter((line) => !before.has(line));
}
