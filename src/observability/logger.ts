import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config/config";

export type { Logger } from "pino";

export interface LoggerOptions {
  /** Lowest level written. Default "info". */
  level?: LogLevel;
  /** Where lines go. Default: stdout. */
  destination?: DestinationStream;
}

/**
 * One JSON object per line (pino): `level` as a word, ISO `time`, `service`, `msg`, then the
 * event's fields. Nothing personal is logged: no IP address, user agent, query text, variables
 * or API key; the redaction below is a second line of defence should a header object slip in.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "territoire-sante" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ["authorization", "*.authorization", "headers", "*.headers", "apiKey", "*.apiKey"], censor: "[redacted]" },
    },
    options.destination,
  );
}

/** A logger that writes nothing (tests, tools). */
export const silentLogger: Logger = pino({ level: "silent" });
