import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../config/project-root";
import { SCHEMA_FILE, supergraphApiSchemaSdl } from "./api-schema";

/**
 * `npm run schema [-- --out FILE]`: writes schema.graphql (or FILE), the API schema of the
 * composed supergraph that partners rely on.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const file = values.out ? path.resolve(values.out) : path.join(PROJECT_ROOT, SCHEMA_FILE);
  const sdl = await supergraphApiSchemaSdl();
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  fs.writeFileSync(file, sdl);
  process.stdout.write(`${values.out ?? SCHEMA_FILE}: ${before === sdl ? "unchanged" : before === null ? "written" : "updated (run npm run schema:check before committing)"}\n`);
}

main().catch((error: unknown) => {
  // A file that cannot be written is the user's to fix: its message, not a stack.
  const message = error instanceof Error ? ("code" in error && typeof error.code === "string" ? error.message : error.stack) : String(error);
  process.stderr.write(`schema failed: ${message}\n`);
  process.exit(1);
});
