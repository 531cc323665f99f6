import { MAP_MEASURE_NAMES } from "../../entities/care-offer/map-measure";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { ERROR_RESPONSE_REF, type OpenApiOperation, type OpenApiParameter, type OpenApiPaths } from "./openapi-types";

/** Query parameters of the département maps (src/maps/map-query.ts). */
const MAP_PARAMETERS: OpenApiParameter[] = [
  { name: "measure", in: "query", description: "What to draw; GP density by default.", schema: { type: "string", enum: MAP_MEASURE_NAMES, default: "gpDensity" } },
  { name: "source", in: "query", description: "Producer, for gpDensity and professionals (DREES_RPPS by default).", schema: { type: "string", enum: Object.values(ProfessionalSource) } },
  { name: "vintage", in: "query", description: "The producer's vintage or the indicator's date; the latest by default.", schema: { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" }, example: "2022" },
  { name: "specialty", in: "query", description: "For measure=professionals (required there): the specialty or profession.", schema: { type: "string", minLength: 2, maxLength: 100 }, example: "infirmier" },
  { name: "includeUnconfirmed", in: "query", description: "For zoneRougePopulationShare: also count unconfirmed designations.", schema: { type: "string", enum: ["true", "false"] } },
];

function mapOperation(format: "svg" | "png"): OpenApiOperation {
  return {
    operationId: `departmentMap${format.toUpperCase()}`,
    summary: `Choropleth of the 101 départements (${format.toUpperCase()})`,
    description: "One value per département, with its title, vintage, sources and licence printed on the map; départements without a figure are drawn as \"no data\".",
    tags: ["maps"],
    parameters: MAP_PARAMETERS,
    responses: {
      "200": { description: "The map.", content: { [format === "svg" ? "image/svg+xml" : "image/png"]: { schema: { type: "string", ...(format === "png" ? { contentMediaType: "image/png" } : {}) } } } },
      "400": ERROR_RESPONSE_REF,
      "401": ERROR_RESPONSE_REF,
      "429": ERROR_RESPONSE_REF,
    },
  };
}

/** The map routes (src/server/maps.router.ts); a new map route adds its entry here. */
export const MAP_PATHS: OpenApiPaths = {
  "/maps/departements.svg": { get: mapOperation("svg") },
  "/maps/departements.png": { get: mapOperation("png") },
};
