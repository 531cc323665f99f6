import "reflect-metadata";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../config/project-root";
import { SCHEMA_FILE, supergraphApiSchemaSdl } from "./api-schema";
import { addedChangelogLines, checkSchemaChange } from "./schema-changes";

const CHANGELOG_FILE = "CHANGELOG.md";

const git = (...args: string[]) => execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const gitShow = (commit: string, file: string): string | null => {
  try {
    return git("show", `${commit}:${file}`);
  } catch {
    return null;
  }
};

/**
 * The published schema before the current one: by default the latest committed version of
 * schema.graphql that differs from the current file (so a commit that changes it is compared
 * with the one before); with --base REF, the version at REF (e.g. origin/main for a branch).
 */
function previousVersion(current: string, base?: string): { commit: string; sdl: string } | null {
  if (base) {
    const commit = git("rev-parse", base).trim();
    const sdl = gitShow(commit, SCHEMA_FILE);
    return sdl === null ? null : { commit, sdl };
  }
  for (const commit of git("log", "--format=%H", "--", SCHEMA_FILE).split("\n").filter(Boolean)) {
    const sdl = gitShow(commit, SCHEMA_FILE);
    if (sdl !== null && sdl !== current) return { commit, sdl };
  }
  return null;
}

/**
 * `npm run schema:check [-- --base REF] [--schema FILE]`, run by CI: schema.graphql must be what the server
 * serves, and every breaking change since the previous published version must be named in a
 * line added to CHANGELOG.md.
 */
async function main(): Promise<number> {
  // --schema FILE checks another copy than the committed one (its history is still schema.graphql's).
  const { values } = parseArgs({ options: { base: { type: "string" }, schema: { type: "string" } } });
  const shown = values.schema ?? SCHEMA_FILE;
  const committed = fs.readFileSync(values.schema ? path.resolve(values.schema) : path.join(PROJECT_ROOT, SCHEMA_FILE), "utf8");
  const served = await supergraphApiSchemaSdl();
  if (served !== committed) {
    process.stderr.write(`${shown} is not the schema the server serves: run "npm run schema", review the change, and commit it.\n`);
    return 1;
  }
  const previous = previousVersion(committed, values.base);
  if (!previous) {
    process.stdout.write(`${SCHEMA_FILE}: no earlier published version to compare with.\n`);
    return 0;
  }
  const changelog = fs.readFileSync(path.join(PROJECT_ROOT, CHANGELOG_FILE), "utf8");
  // Before 2026-11-29 the changelog was a section of README.md.
  const previousChangelog = gitShow(previous.commit, CHANGELOG_FILE) ?? gitShow(previous.commit, "README.md") ?? "";
  const report = await checkSchemaChange(previous.sdl, committed, addedChangelogLines(previousChangelog, changelog));
  process.stdout.write(`${SCHEMA_FILE} compared with ${previous.commit.slice(0, 10)}: ${report.breaking.length} breaking, ${report.dangerous.length} dangerous, ${report.safe.length} safe changes\n`);
  for (const line of report.lines) process.stdout.write(`  ${line}\n`);
  if (!report.ok) process.stderr.write(`Breaking changes need a line in ${CHANGELOG_FILE} naming each changed type or field (and a deprecation first, see docs/api.md).\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`schema check failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
