import fs from "node:fs";
import { buildEmbedBundle, DOCUMENT_IDS_MODULE, documentIdsModule, manifestText, measureBundle } from "./embed-build";
import { CURRENT_EMBED_VERSION, EMBED_BUNDLE, EMBED_MANIFEST, embedFile } from "./embed-versions";

/**
 * `npm run embed:build`: writes the current version's manifest and document ids, then its bundle,
 * and prints its size and integrity hash (for docs/embed.md). Older versions are never rebuilt.
 */
async function main(): Promise<void> {
  fs.mkdirSync(embedFile(CURRENT_EMBED_VERSION, ""), { recursive: true });
  fs.writeFileSync(embedFile(CURRENT_EMBED_VERSION, EMBED_MANIFEST), manifestText());
  fs.writeFileSync(DOCUMENT_IDS_MODULE, documentIdsModule());
  const bundle = await buildEmbedBundle();
  fs.writeFileSync(embedFile(CURRENT_EMBED_VERSION, EMBED_BUNDLE), bundle);
  const size = measureBundle(bundle);
  process.stdout.write(
    `embed/${CURRENT_EMBED_VERSION}/${EMBED_BUNDLE}: ${size.bytes} bytes, ${size.gzipped} gzipped (limit 30,720)\nintegrity: ${size.integrity}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`embed:build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
