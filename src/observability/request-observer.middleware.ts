import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { ErrorCode } from "../errors/errors";
import type { Logger } from "./logger";
import type { Metrics, RequestOutcome } from "./metrics";
import { RequestRecord } from "../context/request-record";

/** Codes that mean the server (or a subgraph, or the database) failed, not the caller. */
const SERVER_ERROR_CODES = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.DOWNSTREAM_SERVICE_ERROR]);

/** Error codes say more than the HTTP status (a plugin's refusal is a 500 unless it sets one): they decide when present. */
export function requestOutcome(status: number, errorCodes: string[], finished: boolean): RequestOutcome {
  if (!finished) return "aborted";
  if (errorCodes.some((code) => SERVER_ERROR_CODES.has(code))) return "server_error";
  if (errorCodes.length > 0) return "client_error";
  if (status >= 500) return "server_error";
  if (status >= 400) return "client_error";
  return "success";
}

export interface RequestObserverOptions {
  logger: Logger;
  /** Absent when metrics are off. */
  metrics?: Metrics;
}

export interface RequestObserver {
  /**
   * Starts observing one request: returns its record, and runs `then` (the rest of the request)
   * under the request's span. Used by the Express middleware and by the lean POST /graphql path.
   */
  observe(req: IncomingMessage, res: ServerResponse, then: (record: RequestRecord) => void): void;
  middleware: RequestHandler;
  /** Requests received and not yet answered (shutdown reports it). */
  inFlight(): number;
}

const tracer = trace.getTracer("territoire-sante/http");

/**
 * Mount before the GraphQL handler; the request's record is `res.locals.record`. For each request:
 * a server span that the rest of the request runs under (joining the caller's trace when it
 * sends `traceparent`), then, once the response is sent or the client gone, one log line and the
 * request metrics.
 */
export function observeRequests({ logger, metrics }: RequestObserverOptions): RequestObserver {
  let inFlight = 0;
  const observe = (req: IncomingMessage, res: ServerResponse, then: (record: RequestRecord) => void): void => {
    const record = new RequestRecord();
    inFlight++;
    metrics?.requestsInFlight.inc();
    logger.debug({ method: req.method, inFlight }, "request received");
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} /graphql`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "http.route": "/graphql" } },
      parent,
    );
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
      metrics?.requestsInFlight.dec();
      const durationSeconds = (performance.now() - record.startedAt) / 1000;
      const operation = record.operationName ?? "unknown";
      const outcome = requestOutcome(res.statusCode, record.errorCodes, res.writableFinished);
      const rateLimited = res.statusCode === 429; // the rate limiter answers before Apollo runs
      const sqlStatements = record.sqlLog?.dataStatementCount;
      metrics?.observeRequest({
        operation,
        outcome,
        durationSeconds,
        sqlStatements,
        rateLimitedOrganization: rateLimited ? (record.callerOrganization ?? "anonymous") : undefined,
      });
      const traceId = span.isRecording() ? span.spanContext().traceId : undefined;
      logger[outcome === "server_error" ? "warn" : "info"](
        {
          method: req.method,
          status: res.statusCode,
          operation,
          operationType: record.operationType,
          outcome,
          durationMs: Math.round(durationSeconds * 10_000) / 10,
          sqlStatements,
          errorCodes: record.errorCodes,
          organization: record.callerOrganization,
          traceId,
        },
        "request",
      );
      span.setAttributes({
        "http.response.status_code": res.statusCode,
        ...(record.operationName && { "graphql.operation.name": record.operationName }),
        ...(record.operationType && { "graphql.operation.type": record.operationType }),
        ...(sqlStatements !== undefined && { "db.statement.count": sqlStatements }),
      });
      if (outcome === "server_error") span.setStatus({ code: SpanStatusCode.ERROR, message: record.errorCodes.join(",") });
      span.end();
    };
    res.once("finish", finish);
    res.once("close", finish);
    // Without tracing (no context manager registered) this calls `then` as it is: no async context.
    context.with(trace.setSpan(parent, span), then, undefined, record);
  };
  const middleware: RequestHandler = (req, res, next) =>
    observe(req, res, (record) => {
      res.locals.record = record;
      next();
    });
  return { observe, middleware, inFlight: () => inFlight };
}
