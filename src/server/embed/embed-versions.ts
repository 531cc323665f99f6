import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../config/project-root";

/**
 * The embed's versions, each served for ever at its own path (`/embed/<version>/territoire-sante.js`)
 * from its committed folder `embed/<version>/`: the bundle, frozen, and the manifest of the
 * documents it calls, which the server registers as public documents. A change to what a served
 * bundle does is a new version: add it here (the last one is current; `npm run embed:build`
 * rebuilds only it) and keep the older folders as they are (docs/embed.md#versions).
 */
export const EMBED_VERSIONS = ["v1"] as const;
export type EmbedVersion = (typeof EMBED_VERSIONS)[number];
export const CURRENT_EMBED_VERSION: EmbedVersion = EMBED_VERSIONS[EMBED_VERSIONS.length - 1];

export const EMBED_BUNDLE = "territoire-sante.js";
export const EMBED_MANIFEST = "documents.json";

export const embedFile = (version: EmbedVersion, file: string): string => path.join(PROJECT_ROOT, "embed", version, file);

/** The subresource-integrity value of some bytes (`sha384-<base64>`), as a script tag's `integrity` takes it. */
export const integrityOf = (bytes: Uint8Array): string => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** A version's bundle as served, with its integrity hash. */
export interface EmbedBundle {
  version: EmbedVersion;
  bytes: Buffer;
  integrity: string;
}

/** Reads every version's bundle (at start: they are small and never change while the process runs). */
export function readEmbedBundles(): Map<EmbedVersion, EmbedBundle> {
  return new Map(
    EMBED_VERSIONS.map((version) => {
      const bytes = fs.readFileSync(embedFile(version, EMBED_BUNDLE));
      return [version, { version, bytes, integrity: integrityOf(bytes) }];
    }),
  );
}

/** A version's committed manifest (`{ "sha256:<hex>": "<document>" }`). */
export function readEmbedManifest(version: EmbedVersion): Record<string, string> {
  return JSON.parse(fs.readFileSync(embedFile(version, EMBED_MANIFEST), "utf8")) as Record<string, string>;
}
