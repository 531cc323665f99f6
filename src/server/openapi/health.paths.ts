import type { OpenApiPaths } from "./openapi-types";

const status = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object", properties: { status: { type: "string" } }, required: ["status"] } } },
});

/** /healthz and /readyz (src/server/health.routes.ts). */
export const HEALTH_PATHS: OpenApiPaths = {
  "/healthz": {
    get: {
      operationId: "healthz",
      summary: "Liveness: the process and its database answer",
      tags: ["health"],
      responses: { "200": status("The database answers."), "503": status("The database is unreachable.") },
    },
  },
  "/readyz": {
    get: {
      operationId: "readyz",
      summary: "Readiness: the database answers, the schema is served and no shutdown is under way",
      tags: ["health"],
      responses: { "200": status("Ready for traffic."), "503": status("Not ready: see `checks`.") },
    },
  },
};
