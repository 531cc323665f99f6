import express, { type Router } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Caller } from "../auth/caller";
import { findTrustedDocument } from "../auth/trusted-documents";
import type { Database } from "../db/database";
import { BadUserInputError } from "../errors/errors";
import { rejectionStatus, sendHttpError } from "../errors/http-answer";
import type { Column } from "../exports/columns";
import { flattenResult, type ResultData } from "../exports/flatten-result";
import { csvText, MEDIA_TYPES } from "../exports/formats";
import { callerOf } from "./security/authenticate.middleware";

/** Runs a document as the GraphQL endpoint would for this caller (same limits, same errors). */
export type RunDocument = (caller: Caller, query: string, variables: Record<string, unknown>) => Promise<{ data?: ResultData | null; errors?: readonly GraphQLFormattedError[] }>;

/** `<id>.csv` or `<id>.json`, the id as clients send it (`sha256:<hex>`, or the bare hex). */
const FILE = /^((?:sha256:)?[0-9a-f]{64})\.(csv|json)$/;

function variablesOf(raw: unknown): Record<string, unknown> {
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw new BadUserInputError(`variables must be a JSON object, e.g. variables={"region":"76"} (received ${JSON.stringify(String(raw).slice(0, 80))})`, { invalidArguments: ["variables"] });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new BadUserInputError("variables must be a JSON object", { invalidArguments: ["variables"] });
  return parsed as Record<string, unknown>;
}

/**
 * GET /exports/documents/<id>.csv|.json?variables=…: any trusted document the caller may run
 * (its key's, or a public one), as a file. The first list in the result becomes the rows, nested
 * fields dotted columns, a result without a list one row (src/exports/flatten-result.ts). A
 * document is run as GraphQL runs it for the same caller: same limits, same errors, which refuse
 * the file (no half-filled file).
 */
export function documentExportsRouter(db: Database, run: RunDocument, report: (error: unknown) => void): Router {
  const router = express.Router();
  router.get("/:file", async (req, res) => {
    try {
      const match = FILE.exec(String(req.params.file));
      if (!match) {
        throw new BadUserInputError(`"${String(req.params.file).slice(0, 100)}" is not a document export: ask for <documentId>.csv or <documentId>.json, documentId being sha256:<64 hex digits>`, {
          invalidArguments: ["document"],
          validFormats: ["csv", "json"],
        });
      }
      const [, documentId, format] = match;
      const caller = callerOf(res);
      const variables = variablesOf(req.query.variables);
      const query = await findTrustedDocument(db, caller, documentId);
      const result = await run(caller, query, variables);
      if (result.errors?.length) {
        const status = result.data ? 422 : rejectionStatus(result.errors.map((e) => e.extensions?.code));
        res.status(status).json({ errors: result.errors });
        return;
      }
      const table = flattenResult(result.data ?? {});
      const name = documentId.replace(/^sha256:/, "").slice(0, 12);
      // A key's documents are its own; public ones may be kept by shared caches.
      res.setHeader("Cache-Control", caller.kind === "anonymous" ? "public, max-age=300" : "private, max-age=300");
      if (format === "json") {
        res.type(MEDIA_TYPES.json).send(JSON.stringify({ documentId: `sha256:${documentId.replace(/^sha256:/, "")}`, listPath: table.listPath, columns: table.columns, rows: table.rows }));
        return;
      }
      const columns: Column[] = table.columns.map((column) => ({ name: column, type: "string", description: column }));
      let text = "";
      for await (const chunk of csvText((async function* () { yield table.rows; })(), columns, req.query.decimal === "comma")) text += chunk;
      res.setHeader("Content-Disposition", `attachment; filename="document-${name}.csv"`);
      res.type(MEDIA_TYPES.csv).send(text);
    } catch (caught) {
      sendHttpError(res, caught, report);
    }
  });
  return router;
}
