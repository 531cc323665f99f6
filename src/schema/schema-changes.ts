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
 * must be named, by its coordinate ("Type.field" or "Type"), in a line added to CHANGELOG.md. Other changes only get listed.
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

/**
 * The changelog's lines: the whole of a CHANGELOG.md (it opens on "# Changelog"), or the
 * "## Changelog" section of a README, where the changelog lived until 2026-11-29 (an older
 * commit compared with the current file).
 */
function changelogLines(text: string): string[] {
  let lines: string;
  if (text.startsWith("# Changelog")) lines = text.slice("# Changelog".length);
  else {
    const start = text.indexOf("\n## Changelog");
    if (start < 0) return [];
    const rest = text.slice(start + "\n## Changelog".length);
    const end = rest.indexOf("\n## ");
    lines = end < 0 ? rest : rest.slice(0, end);
  }
  return lines.split("\n").filter((l) => l.trim() !== "");
}

/** Lines added to the changelog between two versions of it (CHANGELOG.md, or an older README's section). */
export function addedChangelogLines(previous: string, current: string): string[] {
  const before = new Set(changelogLines(previous));
  return changelogLines(current).filter((line) => !before.has(line));
}
