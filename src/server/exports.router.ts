import { createHash } from "node:crypto";
import { once } from "node:events";
import express, { type Request, type Response, type Router } from "express";
import type { Database } from "../db/database";
import { createRequestContext } from "../context/request-context";
import { sql } from "../db/sql-dialect";
import { BadUserInputError } from "../errors/errors";
import { sendHttpError } from "../errors/http-answer";
import { listParam, COMMON_PARAMS, parseParams } from "../exports/export-params";
import { selectColumns } from "../exports/columns";
import { ContourStore } from "../exports/contours";
import { datapackage, describeSources } from "../exports/datapackage";
import { EXPORTS, exportNamed } from "../exports/export-catalogue";
import { ExportCache } from "../exports/export-cache";
import { csvText, EXPORT_FORMATS, type ExportFormat, geojsonText, jsonText, MEDIA_TYPES } from "../exports/formats";
import { dataVersion } from "../services/shared/data-version.service";

/** `<name>.<format>` or `<name>.datapackage.json`. */
const FILE = /^([a-z-]+)\.(csv|json|geojson|datapackage\.json)$/;

type Kind = ExportFormat | "datapackage";

function parseFile(file: string): { name: string; kind: Kind } {
  const match = FILE.exec(file);
  if (!match) {
    throw new BadUserInputError(
      `"${file}" is not an export file; ask for <name>.csv, <name>.json, <name>.geojson or <name>.datapackage.json, with name one of ${EXPORTS.map((e) => e.name).join(", ")}`,
      { invalidArguments: ["export"], validValues: EXPORTS.map((e) => e.name), validFormats: [...EXPORT_FORMATS, "datapackage.json"] },
    );
  }
  return { name: match[1], kind: match[2] === "datapackage.json" ? "datapackage" : (match[2] as ExportFormat) };
}

/** The query string as given, for links to the same export in another format. */
function queryString(req: Request): string {
  const index = req.originalUrl.indexOf("?");
  return index < 0 ? "" : req.originalUrl.slice(index);
}

/** Writes text chunks with backpressure; stops when the client goes away. */
async function stream(res: Response, chunks: AsyncIterator<string>, first: IteratorResult<string>, record: (chunk: string) => void): Promise<boolean> {
  for (let next = first; !next.done; next = await chunks.next()) {
    if (res.destroyed) {
      await chunks.return?.();
      return false;
    }
    record(next.value);
    if (!res.write(next.value)) {
      // Whichever comes first; the other listener is removed.
      const done = new AbortController();
      await Promise.race([once(res, "drain", { signal: done.signal }), once(res, "close", { signal: done.signal })]).finally(() => done.abort());
    }
  }
  res.end();
  return true;
}

/**
 * GET /exports (the list) and /exports/<name>.csv|.json|.geojson|.datapackage.json: the curated
 * exports (src/exports/). Files are keyed by data version (ETag, and an in-memory cache of built
 * files), streamed as they are read, and linked to their datapackage. Errors are JSON, with the
 * same codes and statuses as the GraphQL API (src/errors/http-answer.ts).
 */
export function exportsRouter(db: Database, report: (error: unknown) => void): Router {
  const router = express.Router();
  const cache = new ExportCache();
  const contours = new ContourStore(async () => {
    const rows = await sql<{ code: string; region_code: string }>(db, "SELECT code, region_code FROM department ORDER BY code");
    const regions = new Map<string, string[]>();
    for (const r of rows) regions.set(r.region_code, [...(regions.get(r.region_code) ?? []), r.code]);
    return regions;
  });

  router.get("/", (req, res) => {
    const base = `${req.baseUrl}/`;
    res.json({
      description: "Curated exports of territoire-santé: CSV (Excel), GeoJSON (QGIS) and JSON, each with a Frictionless datapackage. See /openapi.json.",
      exports: EXPORTS.map((e) => ({
        name: e.name,
        title: e.title,
        description: e.description,
        csv: `${base}${e.name}.csv`,
        json: `${base}${e.name}.json`,
        geojson: `${base}${e.name}.geojson`,
        datapackage: `${base}${e.name}.datapackage.json`,
        parameters: [...COMMON_PARAMS, ...e.params].map((p) => p.name),
      })),
    });
  });

  router.get("/:file", async (req, res) => {
    try {
      const { name, kind } = parseFile(String(req.params.file));
      const definition = exportNamed(name);
      const params = parseParams(req.query as Record<string, unknown>, [...COMMON_PARAMS, ...definition.params], name);
      const ctx = createRequestContext(db);
      const version = await dataVersion(ctx);
      const key = ExportCache.key(version, req.path, params);
      const etag = `"${createHash("sha1").update(key).digest("base64url").slice(0, 20)}"`;
      if (req.headers["if-none-match"] === etag) {
        res.status(304).setHeader("ETag", etag).end();
        return;
      }
      const cached = cache.get(key);
      if (cached) {
        res.set(cached.headers).send(cached.body);
        return;
      }

      const prepared = await definition.prepare(ctx, params, () => createRequestContext(db));
      const columns = selectColumns(prepared.columns, listParam(params.columns));
      const decimalComma = params.decimal === "comma";
      const base = `${req.protocol}://${req.get("host")}${req.baseUrl}/${name}`;
      const query = queryString(req);
      const metadata = datapackage({
        definition,
        prepared,
        columns,
        sources: await describeSources(ctx, prepared.sourceIds),
        csvUrl: `${base}.csv${query}`,
        decimalComma,
        dataVersion: version,
      });
      const headers: Record<string, string> = {
        ETag: etag,
        // Files change only when data is imported or written; the ETag tells a client whether its copy still holds.
        "Cache-Control": "public, max-age=300",
        Link: `<${base}.datapackage.json${query}>; rel="describedby"; type="application/json"`,
      };
      if (kind === "datapackage") {
        const body = Buffer.from(JSON.stringify(metadata, null, 2));
        const all = { ...headers, "Content-Type": "application/json; charset=utf-8" };
        const recorder = cache.recorder(key, all);
        recorder.add(body);
        recorder.keep();
        res.set(all).send(body);
        return;
      }
      const texts =
        kind === "csv"
          ? csvText(prepared.rows(), columns, decimalComma)
          : kind === "json"
            ? jsonText(prepared.rows(), columns, metadata)
            : geojsonText(prepared, columns, metadata, contours);
      // The first chunk is read before anything is sent: a failure there is still an error answer, not a cut file.
      const first = await texts.next();
      const all = {
        ...headers,
        "Content-Type": MEDIA_TYPES[kind],
        ...(kind === "csv" ? { "Content-Disposition": `attachment; filename="${name}.csv"` } : {}),
      };
      res.status(200).set(all);
      const recorder = cache.recorder(key, all);
      if (await stream(res, texts, first, recorder.add)) recorder.keep();
    } catch (caught) {
      if (res.headersSent) {
        // Mid-file: the status is gone; cutting the connection tells the client the file is incomplete.
        report(caught);
        res.destroy();
        return;
      }
      sendHttpError(res, caught, report);
    }
  });
  return router;
}
