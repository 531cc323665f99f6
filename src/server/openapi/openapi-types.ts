/** The parts of an OpenAPI 3.1 document our fragments use (the validator in the tests checks the rest). */
export interface OpenApiParameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description: string;
  schema: Record<string, unknown>;
  example?: string;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: OpenApiParameter[];
  responses: Record<string, unknown>;
}

/** Path → method → operation: each route module contributes its own. */
export type OpenApiPaths = Record<string, { get: OpenApiOperation }>;

/** The answer every non-GraphQL route gives for a refused request (src/errors/http-answer.ts). */
export const ERROR_RESPONSE_REF = { $ref: "#/components/responses/Error" } as const;
