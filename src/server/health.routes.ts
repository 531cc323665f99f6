import express, { type Router } from "express";
import type { Database } from "../db/database";
import type { AdmissionState } from "./graphql/admission";

/** What readiness depends on besides the database; the server flips these as it starts and stops. */
export interface HealthState {
  /** The schema is served: for the gateway, the subgraphs are composed and the gateway loaded. */
  schemaReady: boolean;
  /** A shutdown has begun: finish what is in flight, take nothing new. */
  draining: boolean;
  /** The shared response cache's state, when there is one (Redis): reported, never a reason to be unready. */
  cache?: () => "ok" | "stalled" | "unreachable";
  /** The operations running and queued (load shedding): reported as `load`. */
  load?: () => AdmissionState;
}

/**
 * How long /readyz waits for the database: past it the database is reported "stalled" and the
 * answer goes, well within the 1 s a probe is usually given.
 */
export const READINESS_DATABASE_WAIT_MS = 800;

/**
 * `/healthz` (liveness): the process answers; it asks no dependency, so that a database outage
 * never gets a healthy process restarted, and it answers at once whatever the database does.
 * `/readyz` (readiness): send traffic here only when the database answers (within
 * READINESS_DATABASE_WAIT_MS: "ok", else "stalled" or "unreachable"), the schema is served and
 * no shutdown is under way; it also reports the shared cache ("stalled" while its circuit breaker
 * keeps requests off it: answers then come from the database, still ready) and the load
 * (operations running and queued). Probes arriving while a database check is in flight share it:
 * a stalled database is not asked once per probe.
 */
export function healthRoutes(db: Database, state: HealthState): Router {
  const router = express.Router();
  let checking: Promise<"ok" | "stalled" | "unreachable"> | undefined;
  const database = () => (checking ??= db.ping(READINESS_DATABASE_WAIT_MS).finally(() => (checking = undefined)));
  router.get("/healthz", (_req, res) => {
    res.status(200).json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const checks: Record<string, unknown> = {
      database: await database(),
      schema: state.schemaReady ? "ok" : "not loaded",
      shutdown: state.draining ? "draining" : "no",
    };
    if (state.cache) checks.cache = state.cache();
    if (state.load) checks.load = state.load();
    const ready = checks.database === "ok" && state.schemaReady && !state.draining;
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });
  return router;
}
