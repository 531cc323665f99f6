import { gzipSync } from "node:zlib";
import accepts from "accepts";
import express, { type Request, type Response, type Router } from "express";
import type { Logger } from "../observability/logger";
import { DEMO_CSP, DEMO_CSS, DEMO_JS, demoPage } from "./embed/demo-page";
import { type EmbedDocumentsOptions, registerEmbedDocuments } from "./embed/embed-documents";
import { CURRENT_EMBED_VERSION, EMBED_BUNDLE, readEmbedBundles } from "./embed/embed-versions";

export interface EmbedRouterOptions extends EmbedDocumentsOptions {
  /** Where a version whose documents could not be stored is reported (an unexpected error). */
  report: (error: unknown) => void;
  /** Where a version whose documents this process's schema refuses is said (a subgraph served alone). */
  logger: Logger;
}

/** A year: a version's bundle never changes under its path. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The embeddable components (docs/embed.md): each version's bundle at /embed/<version>/territoire-sante.js,
 * immutable (a change is a new version, at a new path), gzipped when the browser takes it; the demo
 * page at /embed/ and its two files. Mounted after the CORS middleware: a page of another origin
 * loads the bundle with `crossorigin="anonymous"` (which subresource integrity needs).
 *
 * Before it serves anything, the documents of every version are registered as public trusted
 * documents (src/server/embed/embed-documents.ts), so that the bundles' calls are answered.
 */
export async function embedRouter(options: EmbedRouterOptions): Promise<Router> {
  for (const result of await registerEmbedDocuments(options)) {
    if ("error" in result) options.report(new Error(`embed ${result.version}: its documents could not be registered: ${(result.error as Error)?.message ?? String(result.error)}`));
    if ("refused" in result) options.logger.warn({ version: result.version, reason: result.refused }, "embed documents not registered: this process's schema refuses them");
  }
  const bundles = readEmbedBundles();
  const gzipped = new Map([...bundles].map(([version, bundle]) => [version, gzipSync(bundle.bytes, { level: 9 })]));
  const router = express.Router({ strict: true, caseSensitive: true });

  router.get(`/:version/${EMBED_BUNDLE}`, (req: Request, res: Response, next) => {
    const version = req.params.version as typeof CURRENT_EMBED_VERSION;
    const bundle = bundles.get(version);
    if (!bundle) return next();
    const gzip = accepts(req).encoding(["gzip", "identity"]) === "gzip";
    res.setHeader("content-type", "text/javascript; charset=utf-8");
    res.setHeader("cache-control", IMMUTABLE);
    res.setHeader("etag", `"${bundle.integrity}"`);
    res.vary("Accept-Encoding");
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("cross-origin-resource-policy", "cross-origin");
    // A revalidation (If-None-Match) is answered 304 even under `Cache-Control: no-cache`, which is what that asks for.
    const etags = (req.headers["if-none-match"] ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    if (etags.includes(`"${bundle.integrity}"`)) return void res.status(304).end();
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.end(gzip ? gzipped.get(version) : bundle.bytes);
  });

  const current = bundles.get(CURRENT_EMBED_VERSION);
  if (!current) throw new Error(`embed ${CURRENT_EMBED_VERSION}: no bundle`);
  router.get("/", (req, res) => {
    // The snippets name this API's address as the browser reached it (a proxy's scheme when it says so).
    const scheme = String(req.headers["x-forwarded-proto"] ?? req.protocol).split(",")[0].trim();
    const origin = `${scheme === "https" ? "https" : "http"}://${req.get("host") ?? "localhost"}`;
    res.setHeader("content-security-policy", DEMO_CSP);
    res.setHeader("cache-control", "no-cache");
    res.type("html").send(demoPage({ origin, version: CURRENT_EMBED_VERSION, integrity: current.integrity }));
  });
  router.get("/demo.css", (_req, res) => {
    res.setHeader("cache-control", "public, max-age=300");
    res.type("css").send(DEMO_CSS);
  });
  router.get("/demo.js", (_req, res) => {
    res.setHeader("cache-control", "public, max-age=300");
    res.type("js").send(DEMO_JS);
  });
  return router;
}
