import express, { type Router } from "express";
import type { DataSource } from "typeorm";

/** What readiness depends on besides the database; the server flips these as it starts and stops. */
export interface HealthState {
  /** The schema is served: for the gateway, the subgraphs are composed and the gateway loaded. */
  schemaReady: boolean;
  /** A shutdown has begun: finish what is in flight, take nothing new. */
  draining: boolean;
}

/**
 * `/healthz` (liveness): the process answers; it never touches the database, so a database
 * outage does not get the process restarted. `/readyz` (readiness): send traffic here only when
 * the database answers, the schema is served and no shutdown is under way.
 */
export function healthRoutes(db: DataSource, state: HealthState): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.status(200).json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    let database = "ok";
    try {
      await db.query("SELECT 1");
    } catch {
      database = "unreachable";
    }
    const checks = { database, schema: state.schemaReady ? "ok" : "not loaded", shutdown: state.draining ? "draining" : "no" };
    const ready = database === "ok" && state.schemaReady && !state.draining;
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });
  return router;
}
