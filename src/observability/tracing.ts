import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  type SpanExporter,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { onSqlStatement, type SqlStatementEnd } from "../db/sql-statement-log";

export interface TracingOptions {
  /** Where finished spans go. Default: OTLP over HTTP to `endpoint`. */
  exporter?: SpanExporter;
  /** OTLP/HTTP traces URL. Default "http://localhost:4318/v1/traces". */
  endpoint?: string;
  /** `service.name` of every span. Default "territoire-sante". */
  serviceName?: string;
  /** Share of new traces recorded (a caller's sampling decision is followed). Default 1. */
  sampleRatio?: number;
  /** Export each span as it ends instead of in batches (tests read them at once). Default false. */
  exportEachSpan?: boolean;
}

export interface Tracing {
  /** Exports what is pending and stops tracing. */
  shutdown(): Promise<void>;
}

/** SQL text kept on a span: IN lists of thousands of markers say nothing more past this. */
const MAX_SQL_TEXT = 1000;

const sqlTracer = trace.getTracer("territoire-sante/sql");

/** The statement with its parenthesised parts dropped: a subquery in the select list is not the table read. */
function withoutSubqueries(text: string): string {
  let depth = 0;
  let out = "";
  for (const char of text) {
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
}

/**
 * A span per SQL statement, child of whatever span is active (a subgraph fetch, a resolver…).
 * Statements outside any trace (seeding, migrations) get none. The text carries `?`/`$n`
 * markers, never the bound values.
 */
function sqlStatementSpan(sql: string, engine: string): SqlStatementEnd | void {
  if (!trace.getSpan(context.active())?.isRecording()) return;
  const text = sql.replace(/\s+/g, " ").trim();
  const table = /\bFROM\s+("?[\w.]+"?)/i.exec(withoutSubqueries(text))?.[1];
  const span = sqlTracer.startSpan(`${text.split(" ")[0].toUpperCase()}${table ? ` ${table}` : ""}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      "db.system.name": engine === "postgres" ? "postgresql" : "sqlite",
      "db.query.text": text.length > MAX_SQL_TEXT ? `${text.slice(0, MAX_SQL_TEXT)}…` : text,
    },
  });
  return (error) => {
    if (error !== undefined) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    span.end();
  };
}

/**
 * Turns tracing on for the process: registers the global tracer provider (with the
 * AsyncLocalStorage context manager and W3C trace-context propagation), so that the request
 * span, @apollo/gateway's own spans, the subgraph spans and the SQL spans form one trace.
 * Off (never called), every span is the OpenTelemetry API's no-op.
 */
export function startTracing(options: TracingOptions = {}): Tracing {
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: options.endpoint ?? "http://localhost:4318/v1/traces" });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName ?? "territoire-sante" }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
    spanProcessors: [options.exportEachSpan ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  const stopSqlSpans = onSqlStatement(sqlStatementSpan);
  return {
    async shutdown() {
      stopSqlSpans();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
