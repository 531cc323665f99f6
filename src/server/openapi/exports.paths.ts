import type { Column } from "../../exports/columns";
import { EXPORTS } from "../../exports/export-catalogue";
import type { ExportDefinition } from "../../exports/export-definition";
import { COMMON_PARAMS, type ParamSpec } from "../../exports/export-params";
import { EXPORT_FORMATS } from "../../exports/formats";
import { ERROR_RESPONSE_REF, type OpenApiParameter, type OpenApiPaths } from "./openapi-types";

function parameter(spec: ParamSpec): OpenApiParameter {
  return {
    name: spec.name,
    in: "query",
    description: spec.description,
    schema: { type: "string", ...(spec.enum ? { enum: [...spec.enum] } : {}), ...(spec.pattern ? { pattern: spec.pattern.source } : {}) },
    ...(spec.example ? { example: spec.example } : {}),
  };
}

/** JSON Schema of a row, from the export's columns: every cell may be empty (null). */
function rowSchema(columns: Column[]) {
  return {
    type: "object",
    properties: Object.fromEntries(columns.map((c) => [c.name, { type: [c.type, "null"], description: c.description }])),
  };
}

const LINK_HEADER = { description: 'The datapackage of the same export and parameters: `<…/<name>.datapackage.json?…>; rel="describedby"`.', schema: { type: "string" } };
const ETAG_HEADER = { description: "Changes with the data version (an import or a write) and the parameters; send it back in If-None-Match.", schema: { type: "string" } };

function exportPaths(e: ExportDefinition): OpenApiPaths {
  const parameters = [...COMMON_PARAMS, ...e.params].map(parameter);
  const errors = { "400": ERROR_RESPONSE_REF, "401": ERROR_RESPONSE_REF, "429": ERROR_RESPONSE_REF };
  return {
    [`/exports/${e.name}.{format}`]: {
      get: {
        operationId: `export_${e.name.replace(/-/g, "_")}`,
        summary: e.title,
        description:
          `${e.description}\n\nCSV: \`;\` separator, UTF-8 with a byte-order mark, a header row, CRLF line ends, decimal point ` +
          "(or comma with `decimal=comma`); every figure column is followed by its `_source` and `_vintage` columns. GeoJSON (RFC 7946): " +
          "WGS84, outer rings counterclockwise, the datapackage as the top-level member `datapackage`. JSON: the datapackage's metadata and `rows`.",
        tags: ["exports"],
        parameters: [
          { name: "format", in: "path", required: true, description: "File format.", schema: { type: "string", enum: [...EXPORT_FORMATS] } },
          ...parameters,
        ],
        responses: {
          "200": {
            description: "The file, streamed.",
            headers: { Link: LINK_HEADER, ETag: ETAG_HEADER },
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/json": { schema: { type: "object", properties: { rows: { type: "array", items: rowSchema(e.columns) } }, required: ["rows"] } },
              "application/geo+json": {
                schema: {
                  type: "object",
                  properties: { type: { const: "FeatureCollection" }, datapackage: { $ref: "#/components/schemas/Datapackage" }, features: { type: "array" } },
                  required: ["type", "features"],
                },
              },
            },
          },
          "304": { description: "Not modified: the ETag sent in If-None-Match still holds." },
          ...errors,
        },
      },
    },
    [`/exports/${e.name}.datapackage.json`]: {
      get: {
        operationId: `datapackage_${e.name.replace(/-/g, "_")}`,
        summary: `Frictionless datapackage of ${e.name}: fields, licences, sources, coverage`,
        tags: ["exports"],
        parameters,
        responses: {
          "200": { description: "The datapackage (profile tabular-data-package).", content: { "application/json": { schema: { $ref: "#/components/schemas/Datapackage" } } } },
          ...errors,
        },
      },
    },
  };
}

/** The export routes (src/server/exports.router.ts), one pair per export of the catalogue. */
export const EXPORT_PATHS: OpenApiPaths = Object.assign(
  {
    "/exports": {
      get: {
        operationId: "exports",
        summary: "The list of exports, with their links and parameters",
        tags: ["exports"],
        responses: { "200": { description: "The list.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  ...EXPORTS.map(exportPaths),
  {
    "/exports/documents/{file}": {
      get: {
        operationId: "documentExport",
        summary: "A trusted document's result as a file: its first list as rows, nested fields as dotted columns",
        description: "The document (registered for the caller's key, or public) runs as /graphql runs it for the same caller. See docs/exports.md.",
        tags: ["exports"],
        parameters: [
          { name: "file", in: "path", required: true, description: "`sha256:<hex>.csv` or `.json` (the bare hex is accepted).", schema: { type: "string", pattern: "^(sha256:)?[0-9a-f]{64}\\.(csv|json)$" } },
          { name: "variables", in: "query", required: false, description: "The document's variables, as a JSON object.", schema: { type: "string" } },
          { name: "decimal", in: "query", required: false, description: "`comma` for decimal commas in the CSV.", schema: { type: "string", enum: ["comma"] } },
        ],
        responses: {
          "200": {
            description: "The rows.",
            content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: { type: "object", properties: { rows: { type: "array" } }, required: ["rows"] } } },
          },
          "400": ERROR_RESPONSE_REF, "404": ERROR_RESPONSE_REF, "422": ERROR_RESPONSE_REF, "429": ERROR_RESPONSE_REF,
        },
      },
    },
  },
);
