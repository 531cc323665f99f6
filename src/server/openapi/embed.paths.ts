import { EMBED_BUNDLE, EMBED_VERSIONS } from "../embed/embed-versions";
import type { OpenApiPaths } from "./openapi-types";

/** The embeddable components (src/server/embed.router.ts, docs/embed.md): the demo page and each version's script. */
export const EMBED_PATHS: OpenApiPaths = {
  "/embed/": {
    get: {
      operationId: "embedDemo",
      summary: "Demo page of the embeddable components: each one live, with its snippet to copy",
      tags: ["embed"],
      responses: { "200": { description: "An HTML page, served under a strict Content-Security-Policy.", content: { "text/html": { schema: { type: "string" } } } } },
    },
  },
  ...Object.fromEntries(
    EMBED_VERSIONS.map((version) => [
      `/embed/${version}/${EMBED_BUNDLE}`,
      {
        get: {
          operationId: `embedScript_${version}`,
          summary: `The components' script, version ${version}: <ts-zones-rouges>, <ts-territoire>, <ts-carte>`,
          description: "Immutable (a change is a new version at a new path); its subresource-integrity hash is published in docs/embed.md. Gzipped when accepted.",
          tags: ["embed"],
          responses: { "200": { description: "JavaScript (one classic script).", content: { "text/javascript": { schema: { type: "string" } } } } },
        },
      },
    ]),
  ),
};
