import { EMBED_PATHS } from "./embed.paths";
import { EXPORT_PATHS } from "./exports.paths";
import { HEALTH_PATHS } from "./health.paths";
import { MAP_PATHS } from "./maps.paths";
import type { OpenApiPaths } from "./openapi-types";

/** Every route's fragment; a new route module adds its paths to this list. */
const FRAGMENTS: OpenApiPaths[] = [EXPORT_PATHS, MAP_PATHS, HEALTH_PATHS, EMBED_PATHS];

/**
 * The OpenAPI 3.1 description of the routes other than /graphql (whose schema is its own
 * description: schema.graphql, introspection).
 */
export function openapiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "territoire-santé: files, maps and health",
      version: "0.4.0",
      description:
        "The routes beside GraphQL (POST/GET /graphql, described by its own schema): curated exports as CSV, JSON and GeoJSON with " +
        "their Frictionless datapackage, maps of the départements, health checks. Reads need no key; with `Authorization: Bearer <key>` " +
        "a partner gets its own rate budget. Errors have the shape of a GraphQL answer, with the API's codes.",
      license: { name: "MIT (code); each dataset has its own licence, listed in its datapackage", identifier: "MIT" },
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "exports", description: "Files for analysts (Excel) and GIS (QGIS), with their sources." },
      { name: "maps", description: "Choropleth maps." },
      { name: "health", description: "Liveness and readiness." },
      { name: "embed", description: "Embeddable components for intranets (docs/embed.md)." },
    ],
    paths: Object.assign({}, ...FRAGMENTS),
    components: {
      responses: {
        Error: {
          description: "A refused request: BAD_USER_INPUT (400, listing the valid exports, parameters, columns or values), UNAUTHENTICATED (401), RATE_LIMITED (429).",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Errors" } } },
        },
      },
      schemas: {
        Errors: {
          type: "object",
          required: ["errors"],
          properties: {
            errors: {
              type: "array",
              items: {
                type: "object",
                required: ["message", "extensions"],
                properties: {
                  message: { type: "string" },
                  extensions: { type: "object", required: ["code"], properties: { code: { type: "string" }, invalidArguments: { type: "array", items: { type: "string" } } } },
                },
              },
            },
          },
        },
        Datapackage: {
          type: "object",
          description: "Frictionless Data Package (tabular) with `coverage` (partial lists), `filters` and `notes` added.",
          required: ["profile", "name", "resources", "sources", "licenses"],
          properties: {
            profile: { const: "tabular-data-package" },
            name: { type: "string" },
            licenses: { type: "array" },
            sources: { type: "array", items: { type: "object", required: ["name", "title", "producer", "vintage"] } },
            coverage: { type: "object" },
            resources: { type: "array" },
          },
        },
      },
    },
  };
}
