import type { RequestHandler, Response } from "express";
import { authenticate } from "../../auth/api-key.service";
import { ANONYMOUS, type Caller } from "../../auth/caller";
import { sendHttpError } from "../../errors/http-answer";
import { checkKeyOrigin } from "./cors";
import type { RequestRecord } from "../../context/request-record";
import type { Database } from "../../db/database";

/** The caller of the current request, set by `authenticateRequests`. */
export function callerOf(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? ANONYMOUS;
}

/**
 * Resolves `Authorization: Bearer <key>` to a caller before anything else runs (the maps, the
 * exports). A wrong, malformed or revoked key is refused with 401 (it never silently becomes
 * anonymous); a key bound to page origins, from another page, with 403 ORIGIN_NOT_ALLOWED, as on
 * /graphql.
 */
export function authenticateRequests(db: Database, report: (error: unknown) => void): RequestHandler {
  return (req, res, next) => {
    authenticate(db, req.header("authorization"))
      .then((caller) => {
        checkKeyOrigin(caller, req.header("origin"));
        return caller;
      })
      .then(
        (caller) => {
          res.locals.caller = caller;
          // The request's log line and metrics name the organization, never the key.
          const record = res.locals.record as RequestRecord | undefined;
          if (record && caller.kind === "key") record.callerOrganization = caller.organizationId;
          next();
        },
        (caught: unknown) => sendHttpError(res, caught, report),
      );
  };
}
