import { gzipSync } from "node:zlib";
import path from "node:path";
import { build } from "esbuild";
import { sha256Hex } from "../../auth/trusted-documents";
import { PROJECT_ROOT } from "../../config/project-root";
import { documentText, OPERATIONS, type OperationName } from "../../embed/operations";
import { CURRENT_EMBED_VERSION, integrityOf } from "./embed-versions";

/**
 * How the current version of the embed is made from src/embed/ (`npm run embed:build`, and the
 * tests that check the committed files are what it makes): the manifest of its operations, the
 * module of their ids the components import, and the bundle. esbuild is pinned, so the same
 * sources give the same bytes.
 */
const ENTRY = path.join(PROJECT_ROOT, "src/embed/index.ts");
export const DOCUMENT_IDS_MODULE = path.join(PROJECT_ROOT, "src/embed/documents.ts");

/** `{ "sha256:<hex>": "<text>" }`, in the order of OPERATIONS. */
export function embedManifest(): Record<string, string> {
  return Object.fromEntries((Object.keys(OPERATIONS) as OperationName[]).map((name) => [`sha256:${sha256Hex(documentText(name))}`, documentText(name)]));
}

export const manifestText = (): string => `${JSON.stringify(embedManifest(), null, 2)}\n`;

/** src/embed/documents.ts: each operation's id, so that the bundle carries ids, not texts. */
export function documentIdsModule(): string {
  const lines = (Object.keys(OPERATIONS) as OperationName[]).map((name) => `  ${name}: "sha256:${sha256Hex(documentText(name))}",`);
  return [
    "// Written by `npm run embed:build` from operations.ts: do not edit (tests/embed/embed-build.test.ts checks it).",
    'import type { OperationName } from "./operations";',
    "",
    "/** Each operation's trusted-document id, as the components send it (`documentId`). */",
    "export const DOCUMENT_IDS: Record<OperationName, string> = {",
    ...lines,
    "};",
    "",
  ].join("\n");
}

/** The bundle: one classic script (IIFE), minified, for browsers of the last few years (ES2020). */
export async function buildEmbedBundle(): Promise<Buffer> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    charset: "utf8",
    legalComments: "none",
    banner: { js: `/* territoire-santé embed ${CURRENT_EMBED_VERSION} · MIT · docs/embed.md */` },
    write: false,
    logLevel: "silent",
    absWorkingDir: PROJECT_ROOT,
  });
  return Buffer.from(result.outputFiles[0].contents);
}

/** Bytes and gzipped bytes (level 9, as a server would send it), and the integrity hash. */
export function measureBundle(bytes: Uint8Array): { bytes: number; gzipped: number; integrity: string } {
  return { bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, integrity: integrityOf(bytes) };
}
