import { Resvg } from "@resvg/resvg-js";
import express, { type Router } from "express";
import { createRequestContext } from "../context/request-context";
import { BadUserInputError } from "../errors/errors";
import { sendHttpError } from "../errors/http-answer";
import { renderChoropleth } from "../maps/choropleth.svg";
import { departmentMapData } from "../maps/department-map.service";
import type { MapRequest } from "../entities/care-offer/map-measure";
import { mapQuerySchema } from "../maps/map-query";
import type { Database } from "../db/database";

/** PNG width in pixels: twice the SVG's, sharp on high-density screens and in print. */
const PNG_WIDTH = 1880;

function parseRequest(query: unknown): MapRequest {
  const parsed = mapQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    throw new BadUserInputError(issues.map((i) => i.message).join("; "), {
      invalidArguments: [...new Set(issues.flatMap((i) => (i.path.length > 0 ? [String(i.path[0])] : i.code === "unrecognized_keys" ? i.keys : [])))],
    });
  }
  return parsed.data;
}

/**
 * GET /departements.svg?measure=… (and .png), mounted at /maps: a choropleth of the 101
 * départements. Errors are JSON with the same codes and statuses as the GraphQL API (src/errors/http-answer.ts).
 */
export function mapsRouter(db: Database, report: (error: unknown) => void): Router {
  const router = express.Router();
  const handle = (format: "svg" | "png"): express.RequestHandler =>
    async (req, res) => {
      try {
        const request = parseRequest(req.query);
        const svg = renderChoropleth(await departmentMapData(createRequestContext(db), request));
        // The figures change only when data is imported: a few minutes of caching is safe.
        res.setHeader("Cache-Control", "public, max-age=300");
        if (format === "svg") {
          res.type("image/svg+xml").send(svg);
          return;
        }
        const png = new Resvg(svg, { fitTo: { mode: "width", value: PNG_WIDTH }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } })
          .render()
          .asPng();
        res.type("image/png").send(png);
      } catch (caught) {
        sendHttpError(res, caught, report);
      }
    };
  router.get("/departements.svg", handle("svg"));
  router.get("/departements.png", handle("png"));
  return router;
}
