import express, { type Router } from "express";
import { openapiDocument } from "./openapi/openapi-document";

/** GET /openapi.json: the description of the non-GraphQL routes, built once. */
export function openapiRouter(): Router {
  const router = express.Router();
  const body = JSON.stringify(openapiDocument(), null, 2);
  router.get("/openapi.json", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.type("application/json").send(body);
  });
  return router;
}
