import express, { type Router } from "express";
import { createRequestContext } from "../context/request-context";
import { sendHttpError } from "../errors/http-answer";
import { createMapAnswers } from "../maps/map-answer";
import type { Database } from "../db/database";

/**
 * GET /maps/<level>.<format>, mounted at /maps: maps of the départements, EPCI and communes
 * (svg, png) and their table alternative (html, json); src/maps/map-answer.ts does the work.
 * Errors are JSON with the same codes and statuses as the GraphQL API (src/errors/http-answer.ts):
 * an unknown level, format, measure or territory is a 400 that lists the valid values.
 */
export function mapsRouter(db: Database, report: (error: unknown) => void): Router {
  const router = express.Router();
  const answerMap = createMapAnswers();
  const handle: express.RequestHandler = async (req, res) => {
    try {
      // "/maps/" alone is an unknown level too: its 400 lists the routes there are.
      const { contentType, body } = await answerMap(createRequestContext(db), String(req.params.name ?? ""), req.query as Record<string, unknown>);
      // Answers are kept under the data's version (an import changes it): a few minutes in browsers and proxies is safe.
      res.setHeader("Cache-Control", "public, max-age=300");
      res.type(contentType).send(body);
    } catch (caught) {
      sendHttpError(res, caught, report);
    }
  };
  router.get("/", handle);
  router.get("/:name", handle);
  return router;
}
