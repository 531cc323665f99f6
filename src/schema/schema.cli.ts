import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/project-root";
import { SCHEMA_FILE, supergraphApiSchemaSdl } from "./api-schema";

/** `npm run schema`: writes schema.graphql, the API schema of the composed supergraph that partners rely on. */
async function main(): Promise<void> {
  const file = path.join(PROJECT_ROOT, SCHEMA_FILE);
  const sdl = await supergraphApiSchemaSdl();
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  fs.writeFileSync(file, sdl);
  process.stdout.write(`${SCHEMA_FILE}: ${before === sdl ? "unchanged" : before === null ? "written" : "updated (run npm run schema:check before committing)"}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`schema failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
