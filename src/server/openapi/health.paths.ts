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
      summary: "Liveness: the process answers (no dependency is asked)",
      tags: ["health"],
      responses: { "200": status("The process answers.") },
    },
  },
  "/readyz": {
    get: {
      operationId: "readyz",
      summary: "Readiness: the database answers (within 800 ms), the schema is served and no shutdown is under way; the shared cache and the load are reported",
      tags: ["health"],
      responses: { "200": status("Ready for traffic."), "503": status("Not ready: see `checks` (`database`: `ok`, `stalled` or `unreachable`).") },
    },
  },
};
