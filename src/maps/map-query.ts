import { z } from "zod";
import { MAP_MEASURE_NAMES, type MapMeasureName, type MapRequest } from "../entities/care-offer/map-measure";
import { ProfessionalSource } from "../entities/shared/professional-source";
import { VINTAGE } from "../validation/vintage";

/** The query string of a map request, checked: every problem is reported with the parameter it concerns. */
export const mapQuerySchema = z
  .object({
    // Without a measure, the map most asked for: GP density.
    measure: z
      .enum(MAP_MEASURE_NAMES as [MapMeasureName, ...MapMeasureName[]], {
        error: `measure must be one of ${MAP_MEASURE_NAMES.join(", ")}`,
      })
      .default("gpDensity"),
    source: z.enum(ProfessionalSource, { error: `source must be one of ${Object.values(ProfessionalSource).join(", ")}` }).optional(),
    vintage: z
      .string()
      .regex(VINTAGE, 'vintage must be a year or a date, e.g. "2025" or "2024-09-01"')
      .optional(),
    specialty: z.string().min(2, "specialty must be 2 to 100 characters long").max(100, "specialty must be 2 to 100 characters long").optional(),
    includeUnconfirmed: z.enum(["true", "false"], { error: "includeUnconfirmed must be true or false" }).optional(),
  })
  .strict()
  .superRefine((q, issues) => {
    if (q.measure === "professionals" && !q.specialty) {
      issues.addIssue({ code: "custom", path: ["specialty"], message: 'measure=professionals needs a specialty, e.g. specialty=infirmier' });
    }
  })
  .transform(
    (q): MapRequest => ({
      measure: q.measure,
      source: q.source,
      vintage: q.vintage,
      specialty: q.specialty,
      includeUnconfirmed: q.includeUnconfirmed === undefined ? undefined : q.includeUnconfirmed === "true",
    }),
  );
