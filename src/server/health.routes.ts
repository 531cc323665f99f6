import express, { type Router } from "express";
import type { Database } from "../db/database";

/** What readiness depends on besides the database; the server flips these as it starts and stops. */
export interface HealthState {
  /** The schema is served: for the gateway, the subgraphs are composed and the gateway loaded. */
  schemaReady: boolean;
  /** A shutdown has begun: finish what is in flight, take nothing new. */
  draining: boolean;
}

async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/**
 * `/healthz`: the process answers and so does its database (503 while the database is
 * unreachable, 200 again once it is back, without a restart). `/readyz` (readiness): send
 * traffic here only when the database answers, the schema is served and no shutdown is under
 * way. An orchestrator that must not restart the process during a database outage should probe
 * liveness with a plain TCP or `/readyz`-independent check rather than `/healthz`.
 */
export function healthRoutes(db: Database, state: HealthState): Router {
  const router = express.Router();
  router.get("/healthz", async (_req, res) => {
    if (await databaseAnswers(db)) res.status(200).json({ status: "ok" });
    else res.status(503).json({ status: "database unreachable" });
  });
  router.get("/readyz", async (_req, res) => {
    const database = (await databaseAnswers(db)) ? "ok" : "unreachable";
    const checks = { database, schema: state.schemaReady ? "ok" : "not loaded", shutdown: state.draining ? "draining" : "no" };
    const ready = database === "ok" && state.schemaReady && !state.draining;
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });
  return router;
}
